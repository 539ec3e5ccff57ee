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
/// Network i draws from stream i of the seed and writes its own slot; the summaries are then taken in network order, so
/// results do not depend on the thread count. Documentation: docs/theory/conditioning.md.
/// </remarks>
public static class ConditioningSimulation
{
    /// <summary>Eigenvalues below this fraction of the largest count as zero (κ reported as singular).</summary>
    public const double SingularRatio = 1e-13;

    /// <summary>Simulates depths 1..MaxDepth.</summary>
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
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(settings);
        var gram = GramMatrix.Of(inputs);
        int n = gram.RowCount, depth = settings.MaxDepth, block = n * n, perNetwork = depth * block;
        settings.Validate(n);
        var theory = InfiniteWidthKernel.ByDepth(new DualActivation(activation), gram, depth);
        bool ntk = settings.WithNtk && theory[depth].NeuralTangent is not null;
        var units = Units(inputs);

        var kernels = new double[settings.Networks * perNetwork];
        var tangents = ntk ? new double[settings.Networks * perNetwork] : [];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Threads, CancellationToken = cancellation };
        Parallel.For(0, settings.Networks, parallel, () => new FiniteWidthNetwork(activation, units, settings.Width, depth, ntk), (i, _, network) =>
        {
            var rng = new CounterRng(settings.Seed, (ulong)i);
            network.Sample(ref rng, kernels.AsSpan(i * perNetwork, perNetwork), ntk ? tangents.AsSpan(i * perNetwork, perNetwork) : []);
            return network;
        }, _ => { });

        var rows = new List<ConditioningDepth>(depth);
        for (int h = 1; h <= depth; h++)
        {
            var k = theory[h].TopLayer;
            var theta = theory[h].NeuralTangent;
            var samples = Samples(kernels, settings.Networks, perNetwork, (h - 1) * block, n);
            var spectra = samples.Select(Spectrum).ToArray();
            Estimate? ntkCondition = null;
            double[][]? meanNtk = null, ntkError = null;
            if (ntk)
            {
                var ntkSamples = Samples(tangents, settings.Networks, perNetwork, (h - 1) * block, n);
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

    private static Matrix<double>[] Samples(double[] store, int networks, int perNetwork, int offset, int n) =>
        [.. Enumerable.Range(0, networks).Select(i => Matrix<double>.Build.Dense(n, n, (r, c) => store[i * perNetwork + offset + r * n + c]))];

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
