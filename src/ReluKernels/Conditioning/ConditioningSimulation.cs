using MathNet.Numerics.LinearAlgebra;
using ReluKernels.Activations;
using ReluKernels.Theory.Conditioning;

namespace ReluKernels.Conditioning;

/// <summary>
/// Monte Carlo over random finite-width networks (<see cref="FiniteWidthNetwork"/>) beside the infinite-width theory
/// (<see cref="InfiniteWidthKernel"/>): per depth, the empirical top-layer kernel and NTK, their largest off-diagonal
/// correlation and condition number, and the distance of K̂ from K (Agarwal, Awasthi &amp; Kale 2021, Sec. 3).
/// </summary>
/// <remarks>
/// Two steps, so that networks can be drawn in shards and summarised together: <see cref="Sample"/> (network i draws from
/// stream i of the seed, whichever others are drawn and on whichever thread) and <see cref="Summarise"/> (in network order),
/// so results depend neither on the thread count nor on the split. Documentation: docs/theory/conditioning.md.
/// </remarks>
public static class ConditioningSimulation
{
    /// <summary>Eigenvalues below this fraction of the largest count as zero (κ reported as singular).</summary>
    public const double SingularRatio = 1e-13;

    /// <summary>Simulates depths 1..MaxDepth: <see cref="Sample"/> of every network, then <see cref="Summarise"/>.</summary>
    /// <param name="activation">A normalised σ (E σ = 0, E σ² = 1 under N(0, 1); see <see cref="Normalising.Of"/>).</param>
    /// <param name="inputs">At least two unit vectors, no two parallel (<see cref="GramMatrix.Of"/>).</param>
    /// <param name="settings">Width, depth, networks, seed, threads.</param>
    /// <param name="cancellation">Stops between networks.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">σ is not normalised, or the inputs are invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public static IReadOnlyList<ConditioningDepth> Run(ScalarActivation activation, IReadOnlyList<double[]> inputs, SimulationSettings settings,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var networks = Sample(activation, inputs, settings, [.. Enumerable.Range(0, settings.Networks)], firstDepth: 1, cancellation);
        return Summarise(activation, inputs, settings, networks, firstDepth: 1);
    }

    /// <summary>Whether the NTK is simulated: asked for, and it exists for σ (σ̂′(1) finite; not for sign).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static bool SimulatesNtk(ScalarActivation activation, SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(settings);
        return settings.WithNtk && double.IsFinite(new DualActivation(activation).Derivative(1));
    }

    /// <summary>
    /// The sample step: draws the given networks (network i from stream i of the seed, so its kernels do not depend on which
    /// others are drawn) and keeps their kernels, and NTKs when <see cref="SimulatesNtk"/>, at depths
    /// <paramref name="firstDepth"/>..MaxDepth.
    /// </summary>
    /// <param name="activation">As <see cref="Run"/>.</param>
    /// <param name="inputs">As <see cref="Run"/>.</param>
    /// <param name="settings">As <see cref="Run"/>.</param>
    /// <param name="networks">Indices in 0..Networks−1.</param>
    /// <param name="firstDepth">The shallowest depth kept, 1..MaxDepth.</param>
    /// <param name="cancellation">Stops between networks.</param>
    /// <returns>One entry per index, in the order given.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">As <see cref="Run"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting, index or <paramref name="firstDepth"/> is out of range.</exception>
    public static NetworkKernels[] Sample(ScalarActivation activation, IReadOnlyList<double[]> inputs, SimulationSettings settings,
        IReadOnlyList<int> networks, int firstDepth, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(networks);
        int n = GramMatrix.Of(inputs).RowCount, depth = settings.MaxDepth, block = n * n, perNetwork = depth * block;
        settings.Validate(n);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstDepth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstDepth, depth);
        foreach (int i in networks)
            if (i < 0 || i >= settings.Networks)
                throw new ArgumentOutOfRangeException(nameof(networks), i, $"network indices are 0..{settings.Networks - 1}.");
        bool ntk = SimulatesNtk(activation, settings);
        var units = Units(inputs);
        int skipped = (firstDepth - 1) * block, kept = perNetwork - skipped;

        var result = new NetworkKernels[networks.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Threads, CancellationToken = cancellation };
        // Each thread samples every depth into its own scratch (the NTK reads the shallower kernels), then keeps the depths asked for.
        Parallel.For(0, networks.Count, parallel,
            () => (Network: new FiniteWidthNetwork(activation, units, settings.Width, depth, ntk), Kernels: new double[perNetwork], Tangents: new double[ntk ? perNetwork : 0]),
            (slot, _, scratch) =>
            {
                int i = networks[slot];
                var rng = new CounterRng(settings.Seed, (ulong)i);
                scratch.Network.Sample(ref rng, scratch.Kernels, scratch.Tangents);
                result[slot] = new NetworkKernels(i, scratch.Kernels.AsSpan(skipped, kept).ToArray(), ntk ? scratch.Tangents.AsSpan(skipped, kept).ToArray() : null);
                return scratch;
            }, _ => { });
        return result;
    }

    /// <summary>
    /// The summary step: per depth <paramref name="firstDepth"/>..MaxDepth, the theory beside the simulated means and
    /// intervals of every network, taken in network order (so the result does not depend on how the networks were split).
    /// </summary>
    /// <param name="activation">As <see cref="Run"/>.</param>
    /// <param name="inputs">As <see cref="Run"/>.</param>
    /// <param name="settings">As <see cref="Run"/>.</param>
    /// <param name="networks">Networks 0..Networks−1 in order, as <see cref="Sample"/> gives them for these arguments.</param>
    /// <param name="firstDepth">The shallowest depth they keep.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">As <see cref="Run"/>; or the networks are not all of them in order, or not of this shape.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting or <paramref name="firstDepth"/> is out of range.</exception>
    public static IReadOnlyList<ConditioningDepth> Summarise(ScalarActivation activation, IReadOnlyList<double[]> inputs, SimulationSettings settings,
        IReadOnlyList<NetworkKernels> networks, int firstDepth)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(networks);
        var gram = GramMatrix.Of(inputs);
        int n = gram.RowCount, depth = settings.MaxDepth, block = n * n;
        settings.Validate(n);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstDepth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstDepth, depth);
        bool ntk = SimulatesNtk(activation, settings);
        int kept = (depth - firstDepth + 1) * block;
        if (networks.Count != settings.Networks)
            throw new ArgumentException($"need all {settings.Networks} networks, got {networks.Count}.", nameof(networks));
        for (int i = 0; i < networks.Count; i++)
            if (networks[i].Index != i || networks[i].Kernels.Length != kept || (networks[i].Tangents?.Length ?? -1) != (ntk ? kept : -1))
                throw new ArgumentException($"entry {i} is not network {i} with {kept} kernel entries{(ntk ? " and as many NTK entries" : " and no NTK")}.", nameof(networks));
        var theory = InfiniteWidthKernel.ByDepth(new DualActivation(activation), gram, depth);

        var rows = new List<ConditioningDepth>(depth - firstDepth + 1);
        for (int h = firstDepth; h <= depth; h++)
        {
            var k = theory[h].TopLayer;
            var theta = theory[h].NeuralTangent;
            int offset = (h - firstDepth) * block;
            var samples = Samples(networks, s => s.Kernels, offset, n);
            var spectra = samples.Select(Spectrum).ToArray();
            Estimate? ntkCondition = null;
            double[][]? meanNtk = null, ntkError = null;
            if (ntk)
            {
                var ntkSamples = Samples(networks, s => s.Tangents!, offset, n);
                ntkCondition = Estimate.Of(ntkSamples.Select(s => Spectrum(s).Condition));
                (meanNtk, ntkError) = EntryMeans(ntkSamples, n);
            }
            var (mean, error) = EntryMeans(samples, n);
            var theorySpectrum = Spectrum(k);
            rows.Add(new ConditioningDepth(h, theorySpectrum.Correlation, Finite(theorySpectrum.Condition),
                theta is null ? null : Finite(Spectrum(theta).Condition),
                Estimate.Of(spectra.Select(s => s.Correlation)), Estimate.Of(spectra.Select(s => s.Condition)),
                spectra.Count(s => !double.IsFinite(s.Condition)), Estimate.Of(samples.Select(s => (s - k).FrobeniusNorm() / n)),
                ntkCondition, mean, error, k.ToRowArrays(), meanNtk, ntkError, ntk ? theta!.ToRowArrays() : null));
        }
        return rows;
    }

    private static double[][] Units(IReadOnlyList<double[]> inputs) =>
        [.. inputs.Select(x => { double norm = Math.Sqrt(x.Sum(v => v * v)); return x.Select(v => v / norm).ToArray(); })];

    private static Matrix<double>[] Samples(IReadOnlyList<NetworkKernels> networks, Func<NetworkKernels, double[]> store, int offset, int n) =>
        [.. networks.Select(s => { var values = store(s); return Matrix<double>.Build.Dense(n, n, (r, c) => values[offset + r * n + c]); })];

    private static (double[][] Mean, double[][] StandardError) EntryMeans(Matrix<double>[] samples, int n)
    {
        var mean = new double[n][];
        var error = new double[n][];
        for (int r = 0; r < n; r++)
        {
            mean[r] = new double[n];
            error[r] = new double[n];
            for (int c = 0; c < n; c++)
            {
                var e = Estimate.Of(samples.Select(s => s[r, c]));
                mean[r][c] = e?.Mean ?? double.NaN;
                error[r][c] = e?.StandardError ?? double.NaN;
            }
        }
        return (mean, error);
    }

    // κ is +∞ when λ_min is not clearly positive: the rank of K̂ is at most the width, and sign's K̂ can repeat rows.
    private static (double Condition, double Correlation) Spectrum(Matrix<double> kernel)
    {
        var s = KernelSpectrum.Of(kernel);
        bool singular = !(s.SmallestEigenvalue > SingularRatio * s.LargestEigenvalue);
        return (singular ? double.PositiveInfinity : s.ConditionNumber, s.MaxOffDiagonalCorrelation);
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
