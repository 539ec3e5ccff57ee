using ReluKernels.Analysis;
using ReluKernels.Compositional;
using ReluKernels.Experiments.Training;
using ReluKernels.Training;
using ReluKernels.Training.Data;

namespace ReluKernels.Experiments.Compositional;

/// <summary>
/// Milkert, Hyde &amp; Laine's comparison (2023, §4.1, Tables 1–2): the same curves fitted from PyTorch-default weights, from
/// the constructed network without pretraining, and after the first training stage with free scales or under the
/// differentiability condition; min and mean MSE per method (docs/experiments/compositional.md).
/// </summary>
/// <remarks>
/// Model r of every target starts from <c>CounterRng(seed, r)</c>: the PyTorch-default weights are drawn from it, and so
/// are the peaks a_0..a_d (uniform in [<see cref="CompositionalDefaults.StartPeakLow"/>, <see cref="CompositionalDefaults.StartPeakHigh"/>])
/// of the constructed start the other three methods share, with s_0 = <see cref="CompositionalDefaults.StartFirstScaleRatio"/>·a_0 a_1
/// and Eq. (5) scales. Every method gets the same number of full-batch Adam epochs; the pretrained ones spend
/// <see cref="CompositionalSetup.PretrainingEpochs"/> of them in stage one. Results do not depend on the thread count.
/// </remarks>
public static class CompositionalExperiment
{
    /// <summary>The training points: <paramref name="points"/> evenly spaced on [0, 1], endpoints included.</summary>
    public static Dataset<double> Data(CompositionalTarget target, int points)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2);
        var x = new double[points];
        var y = new double[points];
        Span<double> value = stackalloc double[1];
        for (int i = 0; i < points; i++)
        {
            x[i] = i / (double)(points - 1);
            target.Function.Evaluate(x.AsSpan(i, 1), value);
            y[i] = value[0];
        }
        return new Dataset<double>(1, 1, x, y, $"{target.Function.Name} at {points} evenly spaced points of [0, 1]");
    }

    /// <summary>The constructed start of model <paramref name="index"/>: peaks a_0..a_d and s_0 (see the remarks).</summary>
    public static (double[] Peaks, double FirstScale) Start(int depth, ulong seed, int index)
    {
        var rng = new CounterRng(seed, (ulong)index);
        var peaks = new double[depth + 1];
        for (int i = 0; i < peaks.Length; i++)
            peaks[i] = CompositionalDefaults.StartPeakLow + (CompositionalDefaults.StartPeakHigh - CompositionalDefaults.StartPeakLow) * rng.NextDouble();
        return (peaks, CompositionalDefaults.StartFirstScaleRatio * peaks[0] * peaks[1]);
    }

    /// <summary>Trains every method on every target.</summary>
    /// <param name="setup">What to run.</param>
    /// <param name="progress">Told the number of finished (target, model) pairs, each covering all methods, or null.</param>
    /// <param name="cancellation">Stops the run.</param>
    /// <exception cref="ArgumentException">Stage one would take the whole budget.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was signalled.</exception>
    public static CompositionalResult Run(CompositionalSetup setup, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var part = Train(setup, [.. Enumerable.Range(0, setup.Models)], progress, cancellation);
        return Result(setup, part.Kernel, part.Models);
    }

    /// <summary>
    /// Trains the models <paramref name="indices"/> only, every method on every target. Model r depends on (seed, r) alone,
    /// so a run's models may be trained in parts (shards) and put together with <see cref="Result"/>.
    /// </summary>
    /// <param name="setup">What to run.</param>
    /// <param name="indices">Model indices in 0..<see cref="CompositionalSetup.Models"/>−1.</param>
    /// <param name="progress">Told the number of finished (target, model) pairs, each covering all methods, or null.</param>
    /// <param name="cancellation">Stops the run.</param>
    /// <returns>The kernel's description and, per target and method, the models in the order of <paramref name="indices"/>.</returns>
    /// <exception cref="ArgumentException">Stage one would take the whole budget, or the fixed start has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was signalled.</exception>
    public static (string Kernel, IReadOnlyList<IReadOnlyList<IReadOnlyList<CompositionalModel>>> Models) Train(CompositionalSetup setup, IReadOnlyList<int> indices,
        IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(indices);
        if (setup.StartPeaks is { } peaks && peaks.Count != setup.Depth + 1)
            throw new ArgumentException($"A depth-{setup.Depth} start needs {setup.Depth + 1} peaks (a_d sets s_{{d−1}}), got {peaks.Count}.", nameof(setup));
        if (setup.PretrainingEpochs >= setup.Epochs)
            throw new ArgumentException($"Stage one ({setup.PretrainingEpochs} epochs) must leave stage two some of the {setup.Epochs}.", nameof(setup));
        foreach (int r in indices)
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)r, (uint)setup.Models, nameof(indices));
        return TrainingKernels.Run(setup.Architecture, new Job(setup, indices, progress, cancellation));
    }

    /// <summary>The result of every model of a run: <paramref name="models"/> holds, per target and method, models 0..Models−1 in order.</summary>
    /// <exception cref="ArgumentException">A list is not the models 0..Models−1 in order.</exception>
    public static CompositionalResult Result(CompositionalSetup setup, string kernel, IReadOnlyList<IReadOnlyList<IReadOnlyList<CompositionalModel>>> models)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(models);
        int methods = Enum.GetValues<CompositionalMethod>().Length;
        if (models.Count != setup.Targets.Count || models.Any(byMethod => byMethod.Count != methods
            || byMethod.Any(list => list.Count != setup.Models || list.Where((m, i) => m.Index != i).Any())))
            throw new ArgumentException("Every target and method needs models 0..Models−1 in order.", nameof(models));
        var rows = new List<CompositionalRow>();
        for (int t = 0; t < setup.Targets.Count; t++)
            for (int m = 0; m < methods; m++)
                rows.Add(Row(setup.Targets[t].Name, (CompositionalMethod)m, models[t][m]));
        return new CompositionalResult(setup, kernel, rows, models);
    }

    private sealed class Job(CompositionalSetup setup, IReadOnlyList<int> indices, IProgress<int>? progress, CancellationToken cancellation)
        : ITrainingJob<(string, IReadOnlyList<IReadOnlyList<IReadOnlyList<CompositionalModel>>>)>
    {
        public (string, IReadOnlyList<IReadOnlyList<IReadOnlyList<CompositionalModel>>>) Run<TKernel>(TKernel kernel)
            where TKernel : struct, ITrainableNetwork<TKernel, float>
        {
            var targets = setup.Targets;
            var data = targets.Select(t => Data(t, setup.Points).Convert<float>()).ToArray();
            int methods = Enum.GetValues<CompositionalMethod>().Length, count = indices.Count;
            var models = new CompositionalModel[targets.Count, methods, count];
            int finished = 0;
            var options = new ParallelOptions
            {
                MaxDegreeOfParallelism = setup.Threads == 0 ? Environment.ProcessorCount : setup.Threads,
                CancellationToken = cancellation,
            };
            Parallel.For(0, targets.Count * count, options, job =>
            {
                int t = job / count, i = job % count;
                var trained = TrainModel(kernel.Fork(), targets[t].Sign, data[t], indices[i]);
                for (int m = 0; m < methods; m++)
                    models[t, m, i] = trained[m];
                progress?.Report(Interlocked.Increment(ref finished));
            });
            IReadOnlyList<IReadOnlyList<IReadOnlyList<CompositionalModel>>> byTarget = [.. Enumerable.Range(0, targets.Count).Select(t =>
                (IReadOnlyList<IReadOnlyList<CompositionalModel>>)[.. Enumerable.Range(0, methods).Select(m =>
                    (IReadOnlyList<CompositionalModel>)[.. Enumerable.Range(0, count).Select(i => models[t, m, i])])])];
            return (kernel.Description, byTarget);
        }

        private CompositionalModel[] TrainModel<TKernel>(TKernel kernel, WaveSign sign, Dataset<float> data, int index)
            where TKernel : struct, ITrainableNetwork<TKernel, float>
        {
            var a = setup.Architecture;
            var stageTwo = new Trainer<TKernel, float>(kernel, Options(setup.Epochs), data.Count);
            var afterPretraining = new Trainer<TKernel, float>(kernel, Options(setup.Epochs - setup.PretrainingEpochs), data.Count);
            var propagator = new PiecewiseLinearPropagator(CompositionalNetwork.Width);
            var result = new CompositionalModel[Enum.GetValues<CompositionalMethod>().Length];

            var rng = new CounterRng(setup.Seed, (ulong)index);
            var random = new float[a.ParameterCount];
            UniformInitializer.PyTorchDefault.Initialize(a, random, ref rng);
            result[(int)CompositionalMethod.PyTorchDefault] = Fit(stageTwo, random, data, index, [], propagator);

            var (peaks, firstScale) = setup.StartPeaks is { } fixedPeaks
                ? (fixedPeaks.ToArray(), CompositionalDefaults.StartFirstScaleRatio * fixedPeaks[0] * fixedPeaks[1])
                : Start(setup.Depth, setup.Seed, index);
            var scales = new double[setup.Depth];
            DifferentiabilityCondition.Scales(peaks, firstScale, scales);
            var network = new CompositionalNetwork(peaks.AsSpan(0, setup.Depth), scales, sign);
            var constructed = new float[a.ParameterCount];
            network.WriteParameters<float>(constructed);
            result[(int)CompositionalMethod.NoPretraining] = Fit(stageTwo, constructed, data, index, [], propagator);

            var adam = new AdamSettings(setup.PretrainingLearningRate);
            foreach (var (method, rule) in (ReadOnlySpan<(CompositionalMethod, ScaleRule)>)[(CompositionalMethod.PretrainedFreeScales, ScaleRule.Free), (CompositionalMethod.Pretrained, ScaleRule.Differentiable)])
            {
                var coordinates = new PeakScaleParameters(setup.Depth, sign, rule);
                var z = new double[coordinates.Count];
                coordinates.Encode(rule == ScaleRule.Differentiable ? peaks : peaks.AsSpan(0, setup.Depth), scales, z);
                var pretrainer = new Pretrainer<TKernel, float>(kernel, coordinates, data, adam);
                pretrainer.Train(z, network, setup.PretrainingEpochs);
                var parameters = new float[a.ParameterCount];
                network.WriteParameters<float>(parameters);
                result[(int)method] = Fit(afterPretraining, parameters, data, index, network.Peaks.ToArray(), propagator);
            }
            return result;
        }

        private CompositionalModel Fit<TKernel>(Trainer<TKernel, float> trainer, float[] start, Dataset<float> data, int index, double[] peaks,
            PiecewiseLinearPropagator propagator)
            where TKernel : struct, ITrainableNetwork<TKernel, float>
        {
            int before = Regions(start, propagator);
            var parameters = (float[])start.Clone();
            var shuffle = new CounterRng(setup.Seed, (ulong)index, ParallelTraining.ShufflePosition); // unused: full batch
            var trained = trainer.Train(parameters, data, ref shuffle);
            return new CompositionalModel(index, trained.FinalLoss, before, Regions(parameters, propagator), parameters, peaks);
        }

        private int Regions(float[] parameters, PiecewiseLinearPropagator propagator)
        {
            var wide = Array.ConvertAll(parameters, p => (double)p);
            return double.IsFinite(wide.Sum(Math.Abs)) ? LinearRegions.OutputRegionCount(setup.Architecture, wide, 0, 1, propagator) : 0;
        }

        private TrainingOptions Options(int epochs) => new()
        {
            Optimizer = new AdamSettings(setup.LearningRate),
            Loss = LossFunction.MeanSquaredError,
            BatchSize = 0,
            MaxEpochs = epochs,
        };
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static CompositionalRow Row(string target, CompositionalMethod method, IReadOnlyList<CompositionalModel> models)
    {
        var mse = models.Select(m => m.Mse).ToArray();
        return new CompositionalRow
        {
            Target = target,
            Method = method,
            Models = models.Count,
            Diverged = mse.Count(e => !double.IsFinite(e)),
            MinMse = Finite(mse.Min()),
            MeanMse = Finite(mse.Average()),
            MedianMse = Finite(MathNet.Numerics.Statistics.Statistics.Median(mse)),
            OneRegionAtStart = models.Count(m => m.InitialRegions == 1),
            OneRegionAfterTraining = models.Count(m => m.FinalRegions == 1),
            MeanRegionsAfterTraining = models.Average(m => (double)m.FinalRegions),
        };
    }
}
