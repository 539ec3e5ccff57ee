using System.Collections.ObjectModel;

namespace ReluKernels.Analysis;

/// <summary>The dead/active status of every neuron of one hidden layer, as one <see cref="NetworkAnalysis"/> found it.</summary>
public sealed class HiddenLayerAnalysis
{
    private readonly bool[] _permanentlyDead;

    internal HiddenLayerAnalysis(int layer, NeuronState[] states, bool[] permanentlyDead)
    {
        Layer = layer;
        States = Array.AsReadOnly(states);
        _permanentlyDead = permanentlyDead;
        foreach (var state in states)
        {
            if (state != NeuronState.Active)
                DeadCount++;
            if (state == NeuronState.DeadZero)
                ZeroCount++;
        }
        foreach (bool permanent in permanentlyDead)
            if (permanent)
                PermanentlyDeadCount++;
        if (layer > 1)
            TentativelyDeadCount = DeadCount - PermanentlyDeadCount;
    }

    /// <summary>1-based index of the hidden layer.</summary>
    public int Layer { get; }

    /// <summary>State of each neuron, indexed 0..width − 1.</summary>
    public ReadOnlyCollection<NeuronState> States { get; }

    /// <summary>Whether every neuron is identically 0 on Ω (the network is collapsed at this layer).</summary>
    public bool IsIdenticallyZero => ZeroCount == States.Count;

    /// <summary>Neurons constant on Ω (zero or not).</summary>
    public int DeadCount { get; }

    /// <summary>Neurons identically 0 on Ω.</summary>
    public int ZeroCount { get; }

    /// <summary>Dead neurons whose incoming weights and bias are all ≤ 0 (layer &gt; 1 only; 0 for layer 1).</summary>
    public int PermanentlyDeadCount { get; }

    /// <summary>Dead neurons that are not permanently dead (layer &gt; 1 only; 0 for layer 1).</summary>
    public int TentativelyDeadCount { get; }

    /// <summary>
    /// Whether neuron <paramref name="neuron"/> is permanently dead (docs/definitions.md): in a layer t &gt; 1, dead with all
    /// incoming weights and its bias ≤ 0, so that no non-negative input can ever make it positive. Always false in layer 1,
    /// whose inputs can be negative.
    /// </summary>
    public bool IsPermanentlyDead(int neuron) => _permanentlyDead[CheckNeuron(neuron)];

    /// <summary>Whether neuron <paramref name="neuron"/> is dead but not permanently dead (layer &gt; 1 only; false in layer 1).</summary>
    public bool IsTentativelyDead(int neuron) =>
        Layer > 1 && States[CheckNeuron(neuron)] != NeuronState.Active && !_permanentlyDead[neuron];

    private int CheckNeuron(int neuron)
    {
        if ((uint)neuron >= (uint)States.Count)
            throw new ArgumentOutOfRangeException(nameof(neuron), neuron, $"neuron must be in 0..{States.Count - 1}.");
        return neuron;
    }
}
