using FsCheck.Xunit;
using ReluKernels.Training;
using ReluKernels.Training.Data;

namespace ReluKernels.Tests.Training;

/// <summary>Data sets: validation, the papers' domains and samplings, reproducibility, shuffling.</summary>
public sealed class DataTests
{
    [Fact]
    public void Bad_data_are_rejected_with_a_clear_message()
    {
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => new Dataset<double>(1, 1, [], [], "none")).Message);
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => new Dataset<double>(1, 1, [0, double.NaN], [1, 2], "x")).Message);
        var infinite = Assert.Throws<ArgumentException>(() => new Dataset<float>(2, 1, [0, 1, 2, 3], [1, float.PositiveInfinity], "x"));
        Assert.Equal("targets", infinite.ParamName);
        Assert.Contains("output 0 of sample 1", infinite.Message);
        Assert.Contains("multiple of InputDim = 2", Assert.Throws<ArgumentException>(() => new Dataset<double>(2, 1, [0, 1, 2], [1], "x")).Message);
        Assert.Contains("need 4", Assert.Throws<ArgumentException>(() => new Dataset<double>(1, 2, [0, 1], [1, 2, 3], "x")).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dataset<double>(0, 1, [0], [1], "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dataset<double>(1, 17, [0], new double[17], "x"));
        Assert.Throws<ArgumentException>(() => new Dataset<double>(1, 1, [1e300], [0], "x").Convert<float>());
        Assert.Throws<ArgumentException>(() => Dataset<double>.Sample(Targets.F3, new Sampling(SamplingKind.UniformRandom, 3).Points(1, 1, ref Rng)));
    }

    [Fact]
    public void Shin_and_Karniadakis_problems_have_the_papers_domains_and_sizes()
    {
        double r3 = Math.Sqrt(3);
        foreach (var problem in new[] { Problems.F1, Problems.F2 })
        {
            var training = problem.TrainingSet<double>(1);
            Assert.Equal(600, training.Count);
            Assert.Equal(1000, problem.TestSet<double>(1).Count);
            Assert.All(training.Inputs.ToArray(), x => Assert.InRange(x, -r3, r3));
            Assert.True(training.Inputs.ToArray().Min() < -1.6 && training.Inputs.ToArray().Max() > 1.6);
        }
        var sines = Problems.TwoSines.TrainingSet<double>(1).Inputs.ToArray();
        Assert.Equal(100, sines.Length);
        Assert.Equal((-1.0, 1.0), (sines[0], sines[^1]));
        for (int i = 1; i < sines.Length; i++)
            Assert.Equal(2.0 / 99, sines[i] - sines[i - 1], 1e-12);
        foreach (var problem in new[] { Problems.F3, Problems.F4 })
        {
            var training = problem.TrainingSet<double>(1);
            Assert.Equal((2, 1, 25), (training.InputDim, training.OutputDim, training.Count));
            Assert.All(training.Inputs.ToArray(), x => Assert.InRange(x, -1, 1));
        }
    }

    [Fact]
    public void Lu_et_al_problems_follow_the_figures_domains()
    {
        Assert.Equal(1.5, Problems.Abs.Radius);
        Assert.All(new[] { Problems.XSin5X, Problems.StepSine, Problems.AbsSumDiff }, p => Assert.Equal(1, p.Radius));
        var plane = Problems.AbsSumDiff.TestSet<double>(1);
        Assert.Equal((2, 2, 1024), (plane.InputDim, plane.OutputDim, plane.Count));
        // Each problem names the paper it comes from, so reports can say where a setting was taken.
        Assert.All(new[] { Problems.Abs, Problems.XSin5X, Problems.StepSine, Problems.AbsSumDiff },
            p => Assert.StartsWith("Lu et al. 2019", p.Source, StringComparison.Ordinal));
        Assert.All(new[] { Problems.F1, Problems.F2, Problems.TwoSines, Problems.F3, Problems.F4 },
            p => Assert.StartsWith("Shin & Karniadakis 2020", p.Source, StringComparison.Ordinal));
        Assert.Contains("our choice", Problems.Abs.Source);
    }

    [Fact]
    public void Targets_take_their_published_values()
    {
        double c = Math.Sqrt(3) / (Math.Sqrt(3) - 1);
        Assert.Equal(0.5, Eval(Targets.F2, 0.5));
        Assert.Equal(1.5 - c * 0.5, Eval(Targets.F2, 1.5), 1e-15);
        Assert.Equal(0, Eval(Targets.F2, -Math.Sqrt(3)), 1e-15);
        Assert.Equal(0.2 * Math.Sin(-2.5), Eval(Targets.StepSine, -0.5));
        Assert.Equal(0, Eval(Targets.StepSine, 0));
        Assert.Equal(0.3 * Math.Sin(1.5), Eval(Targets.XSin5X, 0.3));
        Assert.Equal(0, Eval(Targets.TwoSines, 0.5), 1e-15);         // sin(2π) + sin(3π)
        var y = new double[2];
        Targets.AbsSumDiff.Evaluate([0.25, -0.75], y);
        Assert.Equal([0.5, 1.0], y);
        var z = new double[1];
        Targets.F3.Evaluate([0.5, 0], z);                              // sin(π/2)·cos(0)·e^(−1/4)
        Assert.Equal(Math.Exp(-0.25), z[0], 1e-15);
        Targets.F4.Evaluate([0.5, 0], z);                              // sin(π/2)·e^(1/2)
        Assert.Equal(Math.Exp(0.5), z[0], 1e-15);
    }

    [Fact]
    public void Data_sets_are_reproducible_from_their_seed()
    {
        var a = Problems.F1.TrainingSet<float>(9);
        Assert.Equal(a.Inputs.ToArray(), Problems.F1.TrainingSet<float>(9).Inputs.ToArray());
        Assert.NotEqual(a.Inputs.ToArray(), Problems.F1.TrainingSet<float>(10).Inputs.ToArray());
        Assert.NotEqual(a.Inputs[..600].ToArray(), Problems.F1.TestSet<float>(9).Inputs[..600].ToArray());
        Assert.Contains($"stream {TargetProblem.TrainingStream}", a.Description);
        Assert.Equal(a.Inputs.ToArray(), Problems.F1.TrainingSet<double>(9).Convert<float>().Inputs.ToArray());
    }

    [Fact]
    public void Problems_are_found_by_name()
    {
        Assert.Same(Problems.F2, Problems.Named("F2"));
        Assert.Contains("abs-sum-diff", Assert.Throws<ArgumentException>(() => Problems.Named("nope")).Message);
    }

    [Fact]
    public void An_equidistant_grid_needs_a_perfect_power()
    {
        Assert.Throws<ArgumentException>(() => new Sampling(SamplingKind.Equidistant, 30).Points(2, 1, ref Rng));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sampling(SamplingKind.Equidistant, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sampling(SamplingKind.UniformRandom, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sampling(SamplingKind.UniformRandom, 5).Points(1, 0, ref Rng));
    }

    [Property(MaxTest = 100)]
    public void Shuffling_gives_a_permutation_determined_by_the_stream(byte size, ulong seed)
    {
        var order = new int[size];
        var rng = new CounterRng(seed, 3);
        Shuffle.Permutation(order, ref rng);
        Assert.Equal(Enumerable.Range(0, size), order.Order());
        var again = new int[size];
        var replay = new CounterRng(seed, 3);
        Shuffle.Permutation(again, ref replay);
        Assert.Equal(order, again);
    }

    [Property(MaxTest = 100)]
    public void Shuffling_with_bulk_words_is_the_word_at_a_time_shuffle(ushort size, ulong seed, byte start)
    {
        // Sizes past a few 64-word blocks and unaligned starts, so the vectorised fill's head, blocks and tail all serve.
        int n = size % 3000;
        var rng = new CounterRng(seed, 5, start);
        var order = new int[n];
        Shuffle.Permutation(order, ref rng);
        var bulk = new CounterRng(seed, 5, start);
        var again = new int[n];
        Shuffle.Permutation(again, ref bulk, new uint[n + 7]);
        Assert.Equal(order, again);
        Assert.Equal(rng.Position, bulk.Position);
        Assert.Equal(rng.NextUInt32(), bulk.NextUInt32());
    }

    [Fact]
    public void Bulk_shuffling_refuses_too_little_scratch()
    {
        var rng = new CounterRng(1, 0);
        Assert.Throws<ArgumentException>(() => Shuffle.Permutation(new int[10], ref rng, new uint[8]));
    }

    [Fact]
    public void Bounded_integers_are_uniform()
    {
        // 60 000 draws below 6 (not a power of two, so rejection matters): each count is Binomial(60000, 1/6).
        var rng = new CounterRng(12, 0);
        var counts = new int[6];
        for (int i = 0; i < 60_000; i++)
            counts[Shuffle.UniformBelow(6, ref rng)]++;
        Assert.All(counts, c => Assert.True(ReluKernels.Statistics.BinomialTest.AgreesWith(c, 60_000, 1.0 / 6), $"count {c}"));
        Assert.Equal(0, Shuffle.UniformBelow(1, ref rng));
        Assert.Throws<ArgumentOutOfRangeException>(() => Shuffle.UniformBelow(0, ref Rng));
    }

    private static CounterRng Rng = new(0, 0);

    private static double Eval(TargetFunction f, double x)
    {
        var y = new double[1];
        f.Evaluate([x], y);
        return y[0];
    }
}
