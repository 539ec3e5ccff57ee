using ReluKernels.Analysis;

namespace ReluKernels.Tests.Analysis;

/// <summary>The test's own sampling classifier, on <see cref="RandomNetworks.Forward(NetworkArchitecture, double[], double)"/>.</summary>
internal sealed record SampledStates(NeuronState[][] States, int FirstDeadLayer)
{
    /// <summary>States[l][j] for layers 1..LayerCount (index 0 unused): active iff two points give different values.</summary>
    public static SampledStates At(NetworkArchitecture a, double[] p, IReadOnlyList<double[]> points)
    {
        var first = new double[a.LayerCount + 1][];
        var varies = new bool[a.LayerCount + 1][];
        var nonzero = new bool[a.LayerCount + 1][];
        for (int l = 1; l <= a.LayerCount; l++)
        {
            varies[l] = new bool[a.LayerOutputs(l)];
            nonzero[l] = new bool[a.LayerOutputs(l)];
        }
        foreach (var x in points)
        {
            var layers = RandomNetworks.Forward(a, p, x);
            for (int l = 1; l <= a.LayerCount; l++)
            {
                first[l] ??= layers[l];
                for (int j = 0; j < layers[l].Length; j++)
                {
                    varies[l][j] |= layers[l][j] != first[l][j];
                    nonzero[l][j] |= layers[l][j] != 0;
                }
            }
        }
        var states = new NeuronState[a.LayerCount + 1][];
        states[0] = [];
        for (int l = 1; l <= a.LayerCount; l++)
            states[l] = [.. Enumerable.Range(0, a.LayerOutputs(l)).Select(j =>
                varies[l][j] ? NeuronState.Active : nonzero[l][j] ? NeuronState.DeadConstant : NeuronState.DeadZero)];
        int firstDead = Enumerable.Range(1, a.Depth).FirstOrDefault(l => states[l].All(s => s == NeuronState.DeadZero));
        return new SampledStates(states, firstDead);
    }

    /// <summary>At scalar inputs.</summary>
    public static SampledStates At(NetworkArchitecture a, double[] p, double[] xs) => At(a, p, [.. xs.Select(x => new[] { x })]);
}
