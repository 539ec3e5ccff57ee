using ReluKernels.Analysis;

namespace ReluKernels.Degeneracy;

/// <summary>The degeneracies <see cref="DegeneracyDiagnostics"/> found in one hidden layer.</summary>
/// <param name="Layer">Hidden layer, 1-based.</param>
/// <param name="Neurons">Every neuron of the layer, in order.</param>
/// <param name="ParallelPairs">Pairs with positively parallel incoming vectors (redundant: mergeable without changing the function).</param>
/// <param name="OppositePairs">Pairs with exactly opposite incoming vectors (together they can realise a linear function).</param>
public sealed record LayerDiagnostics(int Layer, IReadOnlyList<NeuronDiagnostics> Neurons, IReadOnlyList<NeuronPair> ParallelPairs,
    IReadOnlyList<NeuronPair> OppositePairs)
{
    /// <summary>Neurons that are not balanced.</summary>
    public int UnbalancedCount => Neurons.Count(n => !n.IsBalanced);

    /// <summary>Neurons constant on the domain (zero or not).</summary>
    public int DeadCount => Neurons.Count(n => n.State != NeuronState.Active);
}
