using ReluKernels.Training;

namespace ReluKernels.Tests.Training;

/// <summary>The optimisers against hand-computed values and an independent scalar transcription of the published updates.</summary>
public sealed class OptimizerTests
{
    // One parameter, θ0 = 1, gradients 1, 2, −1 in three steps, η = 0.1, μ = 0.9 (PyTorch's convention, buffer v0 = 0).
    private static readonly double[] Gradients = [1, 2, -1];

    [Fact]
    public void Classic_momentum_matches_the_hand_computation()
    {
        // v1 = 1           → θ1 = 1 − 0.1·1     = 0.9
        // v2 = 0.9 + 2     → θ2 = 0.9 − 0.29    = 0.61
        // v3 = 2.61 − 1    → θ3 = 0.61 − 0.161  = 0.449
        AssertTrajectory(new SgdSettings(0.1, 0.9), [0.9, 0.61, 0.449]);
    }

    [Fact]
    public void Nesterov_momentum_matches_the_hand_computation()
    {
        // Direction g + μ·v with the updated buffer:
        // v1 = 1,    d1 = 1 + 0.9      = 1.9    → θ1 = 1 − 0.19       = 0.81
        // v2 = 2.9,  d2 = 2 + 2.61     = 4.61   → θ2 = 0.81 − 0.461   = 0.349
        // v3 = 1.61, d3 = −1 + 1.449   = 0.449  → θ3 = 0.349 − 0.0449 = 0.3041
        AssertTrajectory(new SgdSettings(0.1, 0.9, nesterov: true), [0.81, 0.349, 0.3041]);
    }

    [Fact]
    public void Plain_sgd_matches_the_hand_computation()
    {
        // θ1 = 1 − 0.1 = 0.9, θ2 = 0.9 − 0.2 = 0.7, θ3 = 0.7 + 0.1 = 0.8
        AssertTrajectory(new SgdSettings(0.1), [0.9, 0.7, 0.8]);
    }

    [Fact]
    public void AdaGrad_matches_the_hand_computation()
    {
        // η = 0.1, ε = 1e-10: s ← s + g², θ ← θ − η g / (√s + ε).
        // s1 = 1 → θ1 = 1 − 0.1/1          = 0.9
        // s2 = 5 → θ2 = 0.9 − 0.2/√5        = 0.81055728…
        // s3 = 6 → θ3 = θ2 + 0.1/√6         = 0.85138211…
        double t1 = 1 - 0.1 / (1 + 1e-10), t2 = t1 - 0.2 / (Math.Sqrt(5) + 1e-10), t3 = t2 + 0.1 / (Math.Sqrt(6) + 1e-10);
        AssertTrajectory(new AdaGradSettings(0.1), [t1, t2, t3]);
        Assert.Equal(0.8513821099, t3, 1e-9);
    }

    [Fact]
    public void RmsProp_matches_the_hand_computation()
    {
        // η = 0.1, α = 0.9, ε = 1e-8: v ← α v + (1 − α) g², θ ← θ − η g / (√v + ε).
        // v1 = 0.1              → θ1 = 1 − 0.1/√0.1    = 0.68377223…
        // v2 = 0.09 + 0.4 = 0.49 → θ2 = θ1 − 0.2/0.7   = 0.39805795…
        // v3 = 0.441 + 0.1 = 0.541 → θ3 = θ2 + 0.1/√0.541 = 0.53401488… (ε adds 1.2e-8)
        double t1 = 1 - 0.1 / (Math.Sqrt(0.1) + 1e-8), t2 = t1 - 0.2 / (0.7 + 1e-8), t3 = t2 + 0.1 / (Math.Sqrt(0.541) + 1e-8);
        AssertTrajectory(new RmsPropSettings(0.1, alpha: 0.9), [t1, t2, t3]);
        Assert.Equal(0.5340148962, t3, 1e-9);
    }

    [Fact]
    public void AdaDelta_matches_the_hand_computation()
    {
        // η = 1, ρ = 0.5, ε = 0.01 (large enough that the steps are visible):
        // v ← ρ v + (1 − ρ) g², Δ = √(u + ε)/√(v + ε) · g, u ← ρ u + (1 − ρ) Δ², θ ← θ − η Δ.
        // v1 = 0.5,  Δ1 = √0.01/√0.51 · 1          = 0.14002801…, u1 = 0.5 Δ1²
        // v2 = 2.25, Δ2 = √(u1 + 0.01)/√2.26 · 2
        // v3 = 1.625, Δ3 = √(u2 + 0.01)/√1.635 · (−1)
        double d1 = Math.Sqrt(0.01) / Math.Sqrt(0.51), u1 = 0.5 * d1 * d1;
        double d2 = Math.Sqrt(u1 + 0.01) / Math.Sqrt(2.26) * 2, u2 = 0.5 * u1 + 0.5 * d2 * d2;
        double d3 = -Math.Sqrt(u2 + 0.01) / Math.Sqrt(1.635);
        AssertTrajectory(new AdaDeltaSettings(1, rho: 0.5, epsilon: 0.01), [1 - d1, 1 - d1 - d2, 1 - d1 - d2 - d3]);
        Assert.Equal(0.14002801, d1, 1e-8);
    }

    [Fact]
    public void New_optimisers_default_to_pytorchs_values()
    {
        var adagrad = new AdaGradSettings();
        var adadelta = new AdaDeltaSettings();
        var rmsprop = new RmsPropSettings();
        Assert.Equal((1e-2, 1e-10), (adagrad.LearningRate, adagrad.Epsilon));
        Assert.Equal((1.0, 0.9, 1e-6), (adadelta.LearningRate, adadelta.Rho, adadelta.Epsilon));
        Assert.Equal((1e-2, 0.99, 1e-8), (rmsprop.LearningRate, rmsprop.Alpha, rmsprop.Epsilon));
    }

    [Theory]
    [InlineData("adagrad lr", 0.0)]
    [InlineData("adagrad lr", double.NaN)]
    [InlineData("adagrad lr", double.PositiveInfinity)]
    [InlineData("adagrad epsilon", 0.0)]
    [InlineData("adadelta lr", -1.0)]
    [InlineData("adadelta rho", 1.0)]
    [InlineData("adadelta rho", -0.1)]
    [InlineData("adadelta epsilon", -1e-6)]
    [InlineData("rmsprop lr", 0.0)]
    [InlineData("rmsprop alpha", 1.5)]
    [InlineData("rmsprop epsilon", double.NaN)]
    [InlineData("bfgs gradientTolerance", 0.0)]
    [InlineData("bfgs parameterTolerance", double.PositiveInfinity)]
    public void New_settings_reject_bad_values_and_name_them(string what, double value)
    {
        Func<object> create = what switch
        {
            "adagrad lr" => () => new AdaGradSettings(value),
            "adagrad epsilon" => () => new AdaGradSettings(epsilon: value),
            "adadelta lr" => () => new AdaDeltaSettings(value),
            "adadelta rho" => () => new AdaDeltaSettings(rho: value),
            "adadelta epsilon" => () => new AdaDeltaSettings(epsilon: value),
            "rmsprop lr" => () => new RmsPropSettings(value),
            "rmsprop alpha" => () => new RmsPropSettings(alpha: value),
            "rmsprop epsilon" => () => new RmsPropSettings(epsilon: value),
            "bfgs gradientTolerance" => () => new QuasiNewtonSettings(QuasiNewtonMethod.Bfgs, gradientTolerance: value),
            _ => () => new QuasiNewtonSettings(QuasiNewtonMethod.LimitedMemoryBfgs, parameterTolerance: value),
        };
        var e = Assert.Throws<ArgumentOutOfRangeException>(create);
        Assert.Contains(value.ToString(System.Globalization.CultureInfo.CurrentCulture), e.Message, StringComparison.Ordinal);
        Assert.Equal(what.Split(' ')[1] == "lr" ? "learningRate" : what.Split(' ')[1], e.ParamName);
    }

    [Fact]
    public void Adam_first_step_moves_each_parameter_by_about_the_learning_rate()
    {
        // t = 1: m = 0.1 g, v = 0.001 g², m̂ = g, v̂ = g², so Δθ = −η·g/(|g| + ε).
        var adam = new AdamSettings().Create<double>(3);
        double[] theta = [0, 0, 0];
        double[] g = [4, -0.5, 1e-3];
        adam.Step(theta, g);
        for (int i = 0; i < 3; i++)
            Assert.Equal(-1e-3 * g[i] / (Math.Abs(g[i]) + 1e-8), theta[i], 1e-15);
    }

    [Theory]
    [InlineData(1e-3, 0.9, 0.999, 1e-8)]
    [InlineData(0.05, 0.5, 0.9, 1e-3)]
    [InlineData(0.01, 0, 0.99, 1e-6)]
    public void Adam_matches_an_independent_implementation_over_many_steps(double lr, double beta1, double beta2, double epsilon)
    {
        // Parameter counts that exercise the vector body and the scalar tail.
        const int count = 19, steps = 25;
        var random = new Random(7);
        var theta = Enumerable.Range(0, count).Select(_ => random.NextDouble() - 0.5).ToArray();
        var reference = (double[])theta.Clone();
        var floats = theta.Select(v => (float)v).ToArray();
        var m = new double[count];
        var v = new double[count];
        var adam = new AdamSettings(lr, beta1, beta2, epsilon).Create<double>(count);
        var adamFloat = new AdamSettings(lr, beta1, beta2, epsilon).Create<float>(count);
        for (int t = 1; t <= steps; t++)
        {
            // Gradients of varied sign and scale, some exactly zero.
            var g = Enumerable.Range(0, count).Select(i => i % 7 == 3 ? 0 : Math.Pow(10, random.Next(-4, 2)) * (random.NextDouble() - 0.5)).ToArray();
            adam.Step(theta, g);
            adamFloat.Step(floats, g.Select(x => (float)x).ToArray());
            // Kingma & Ba (2015), Algorithm 1, literally.
            for (int i = 0; i < count; i++)
            {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                double mHat = m[i] / (1 - Math.Pow(beta1, t));
                double vHat = v[i] / (1 - Math.Pow(beta2, t));
                reference[i] -= lr * mHat / (Math.Sqrt(vHat) + epsilon);
            }
        }
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(reference[i], theta[i], 1e-12);
            Assert.Equal(reference[i], floats[i], 2e-5);
        }
    }

    [Fact]
    public void Reset_forgets_the_state()
    {
        foreach (FirstOrderSettings settings in new FirstOrderSettings[] { new AdamSettings(0.1), new SgdSettings(0.1, 0.9), new SgdSettings(0.1, 0.5, true), new AdaGradSettings(0.1), new AdaDeltaSettings(), new RmsPropSettings(0.1) })
        {
            var optimizer = settings.Create<double>(5);
            double[] first = [1, 2, 3, 4, 5], second = [1, 2, 3, 4, 5];
            double[] g = [0.5, -1, 2, 0, 3];
            optimizer.Step(first, g);
            optimizer.Step(first, g);
            optimizer.Reset();
            first = [1, 2, 3, 4, 5];
            optimizer.Step(first, g);
            settings.Create<double>(5).Step(second, g);
            Assert.Equal(second, first);
        }
    }

    [Fact]
    public void Zero_gradients_never_move_a_parameter()
    {
        foreach (FirstOrderSettings settings in new FirstOrderSettings[] { new AdamSettings(), new SgdSettings(0.1, 0.9), new SgdSettings(0.1, 0.9, true), new SgdSettings(1), new AdaGradSettings(), new AdaDeltaSettings(), new RmsPropSettings() })
        {
            var optimizer = settings.Create<float>(33);
            var theta = Enumerable.Range(0, 33).Select(i => (float)Math.Sin(i)).ToArray();
            var before = (float[])theta.Clone();
            for (int t = 0; t < 10; t++)
                optimizer.Step(theta, new float[33]);
            Assert.Equal(before, theta);
        }
    }

    [Fact]
    public void Settings_reject_bad_values()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SgdSettings(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SgdSettings(-1e-3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SgdSettings(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SgdSettings(double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SgdSettings(0.1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SgdSettings(0.1, -0.1));
        Assert.Contains("Nesterov", Assert.Throws<ArgumentException>(() => new SgdSettings(0.1, 0, nesterov: true)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamSettings(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamSettings(beta1: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamSettings(beta2: -0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamSettings(epsilon: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamSettings().Create<float>(0));
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => new AdamSettings().Create<double>(3).Step(new double[2], new double[3])).ParamName);
        Assert.Equal("gradients", Assert.Throws<ArgumentException>(() => new SgdSettings(1).Create<double>(3).Step(new double[3], new double[4])).ParamName);
    }

    [Fact]
    public void Adam_defaults_are_the_published_ones()
    {
        var adam = new AdamSettings();
        Assert.Equal((1e-3, 0.9, 0.999, 1e-8), (adam.LearningRate, adam.Beta1, adam.Beta2, adam.Epsilon));
    }

    private static void AssertTrajectory(FirstOrderSettings settings, double[] expected)
    {
        // 17 copies of the parameter: 16 go through the vector body, the last through the scalar tail.
        const int copies = 17;
        var optimizer = settings.Create<double>(copies);
        var theta = Enumerable.Repeat(1.0, copies).ToArray();
        for (int t = 0; t < Gradients.Length; t++)
        {
            optimizer.Step(theta, Enumerable.Repeat(Gradients[t], copies).ToArray());
            foreach (double value in theta)
                Assert.Equal(expected[t], value, 1e-14);
        }
    }
}
