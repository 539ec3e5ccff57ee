using System.Globalization;
using System.Text;
using ReluKernels.Analysis;

namespace ReluKernels.Degeneracy;

/// <summary>
/// The degeneracies of one network (Berner, Elbrächter &amp; Grohs 2019), per hidden layer: balance, positively parallel
/// and opposite incoming vectors, dead neurons. <see cref="ToString"/> is a plain-text summary for a terminal.
/// </summary>
/// <param name="Network">The analysed shape (<see cref="LayeredNetwork.ToString"/>).</param>
/// <param name="Tolerance">τ, the relative tolerance of the balance and direction tests.</param>
/// <param name="DeadnessMethod"><see cref="DetectionMethod.PiecewiseLinear"/> (exact) or <see cref="DetectionMethod.Sampling"/> (upper estimate).</param>
/// <param name="DeadnessDomain">The domain or point set the dead verdicts refer to.</param>
/// <param name="Layers">Hidden layers 1..Depth.</param>
public sealed record DegeneracyReport(string Network, double Tolerance, DetectionMethod DeadnessMethod, string DeadnessDomain,
    IReadOnlyList<LayerDiagnostics> Layers)
{
    /// <summary>Whether the dead verdicts are exact (otherwise a neuron reported dead may be active between the samples).</summary>
    public bool IsDeadnessExact => DeadnessMethod != DetectionMethod.Sampling;

    /// <summary>Unbalanced neurons over all layers.</summary>
    public int UnbalancedCount => Layers.Sum(l => l.UnbalancedCount);

    /// <summary>Positively parallel pairs over all layers.</summary>
    public int ParallelPairCount => Layers.Sum(l => l.ParallelPairs.Count);

    /// <summary>Opposite pairs over all layers.</summary>
    public int OppositePairCount => Layers.Sum(l => l.OppositePairs.Count);

    /// <summary>Dead neurons over all layers.</summary>
    public int DeadCount => Layers.Sum(l => l.DeadCount);

    /// <summary>One line per layer and one per finding, e.g. "layer 1: 3 neurons, 1 unbalanced, 1 parallel pair, 0 opposite, 0 dead".</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"Degeneracies of {Network} (tolerance {Tolerance:G3}; dead neurons on {DeadnessDomain}{(IsDeadnessExact ? "" : ", an upper estimate")})").AppendLine();
        foreach (var layer in Layers)
        {
            text.Append(c, $"layer {layer.Layer}: {layer.Neurons.Count} neurons, {layer.UnbalancedCount} unbalanced, {layer.ParallelPairs.Count} parallel pairs, ")
                .Append(c, $"{layer.OppositePairs.Count} opposite pairs, {layer.DeadCount} dead").AppendLine();
            foreach (var n in layer.Neurons.Where(n => !n.IsBalanced))
                text.Append(c, $"  neuron {n.Neuron}: |c| = {n.OutgoingNorm:G4}, |a| = {n.IncomingNorm:G4} (ratio {n.BalanceRatio:G4})").AppendLine();
            foreach (var p in layer.ParallelPairs)
                text.Append(c, $"  neurons {p.First}, {p.Second}: parallel, a_{p.Second} = {p.Factor:G4}·a_{p.First}").AppendLine();
            foreach (var p in layer.OppositePairs)
                text.Append(c, $"  neurons {p.First}, {p.Second}: opposite, a_{p.Second} = {p.Factor:G4}·a_{p.First}").AppendLine();
            foreach (var n in layer.Neurons.Where(n => n.State != NeuronState.Active))
                text.Append(c, $"  neuron {n.Neuron}: {(n.State == NeuronState.DeadZero ? "dead (zero)" : "dead (constant)")}").AppendLine();
        }
        return text.ToString();
    }
}
