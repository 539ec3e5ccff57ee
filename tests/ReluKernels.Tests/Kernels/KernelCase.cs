using System.Numerics;

namespace ReluKernels.Tests.Kernels;

/// <summary>The checks of <see cref="IKernelCase"/> for the generated shape <typeparamref name="TNet"/>.</summary>
public sealed class KernelCase<TNet, T> : IKernelCase
    where TNet : IReluNetwork<TNet, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly double GradientTolerance =
        typeof(T) == typeof(float) ? KernelTolerances.FloatGradient : KernelTolerances.DoubleGradient;

    public string Name => $"{typeof(TNet).Name} ({TNet.Architecture})";

    public NetworkArchitecture Architecture => TNet.Architecture;

    public override string ToString() => Name;

    public void CheckForward(int seed, int batch, KernelPath path)
    {
        var random = new Random(seed);
        var parameters = RandomParameters(random);
        var inputs = RandomValues(random, Architecture.InputDim * batch, 2.0);
        var expected = new T[Architecture.OutputDim * batch];
        var actual = new T[expected.Length];
        new GenericNetwork<T>(Architecture).Forward(parameters, inputs, expected);
        TNet.Forward(parameters, inputs, actual, path);
        AssertExactlyEqual(expected, actual, $"{Name} Forward on {path}, batch {batch}");
    }

    public void CheckForwardNetworks(int seed, int blocks, KernelPath path)
    {
        var random = new Random(seed);
        int lanes = TNet.NetworkLanes;
        var parameters = new T[blocks * TNet.ParameterCount * lanes];
        for (int b = 0; b < blocks; b++)
            for (int n = 0; n < lanes; n++)
            {
                var one = RandomParameters(random);
                for (int k = 0; k < one.Length; k++)
                    parameters[(b * TNet.ParameterCount + k) * lanes + n] = one[k];
            }
        var input = RandomValues(random, Architecture.InputDim, 2.0);
        var expected = new T[blocks * Architecture.OutputDim * lanes];
        var actual = new T[expected.Length];
        new GenericNetwork<T>(Architecture).ForwardNetworks(parameters, input, expected);
        TNet.ForwardNetworks(parameters, input, actual, path);
        AssertExactlyEqual(expected, actual, $"{Name} ForwardNetworks on {path}, {blocks} block(s)");
    }

    public void CheckBackward(int seed, int batch, KernelPath path, bool inputGradients)
    {
        var random = new Random(seed);
        var a = Architecture;
        var parameters = RandomParameters(random);
        var inputs = RandomValues(random, a.InputDim * batch, 2.0);
        var outputGradients = RandomValues(random, a.OutputDim * batch, 1.0);
        // Both start from the same non-zero gradient, since Backward adds to it.
        var initial = RandomValues(random, a.ParameterCount, 1.0);
        var expected = (T[])initial.Clone();
        var actual = (T[])initial.Clone();
        var expectedInputs = inputGradients ? new T[a.InputDim * batch] : [];
        var actualInputs = inputGradients ? new T[a.InputDim * batch] : [];
        new GenericNetwork<T>(a).Backward(parameters, inputs, outputGradients, expected, expectedInputs);
        TNet.Backward(parameters, inputs, outputGradients, actual, actualInputs, new T[TNet.BackwardWorkspaceLength], path);

        double scale = expected.Max(g => Math.Abs(double.CreateChecked(g)));
        for (int k = 0; k < expected.Length; k++)
        {
            double error = Math.Abs(double.CreateChecked(actual[k]) - double.CreateChecked(expected[k]));
            Assert.True(error <= GradientTolerance * scale,
                $"{Name} Backward on {path}, batch {batch}: dL/dθ[{k}] = {actual[k]}, generic {expected[k]} (|error| {error:G3} > {GradientTolerance} × {scale:G3})");
        }
        AssertExactlyEqual(expectedInputs, actualInputs, $"{Name} Backward input gradients on {path}, batch {batch}");
    }

    public int CheckFiniteDifferences(int seed, int batch)
    {
        var random = new Random(seed);
        var a = Architecture;
        var parameters = RandomParameters(random);
        var inputs = RandomValues(random, a.InputDim * batch, 2.0);
        var weights = RandomValues(random, a.OutputDim * batch, 1.0); // L(θ) = Σ weights ⊙ y, so dL/dy = weights
        var gradient = new T[a.ParameterCount];
        TNet.Backward(parameters, inputs, weights, gradient, [], new T[TNet.BackwardWorkspaceLength]);

        var outputs = new T[a.OutputDim * batch];
        double Loss(T[] theta)
        {
            TNet.Forward(theta, inputs, outputs);
            double sum = 0;
            for (int i = 0; i < outputs.Length; i++)
                sum += double.CreateChecked(weights[i]) * double.CreateChecked(outputs[i]);
            return sum;
        }
        double CentralDifference(int k, double h)
        {
            var theta = (T[])parameters.Clone();
            theta[k] = T.CreateChecked(double.CreateChecked(parameters[k]) + h);
            double plus = Loss(theta);
            theta[k] = T.CreateChecked(double.CreateChecked(parameters[k]) - h);
            return (plus - Loss(theta)) / (2 * h);
        }

        int skipped = 0;
        double step = KernelTolerances.FiniteDifferenceStep;
        foreach (int k in Enumerable.Range(0, a.ParameterCount).OrderBy(_ => random.Next()).Take(80))
        {
            double fd = CentralDifference(k, step);
            // A ReLU kink inside [θ−h, θ+h] makes the difference quotient meaningless; it shows as disagreement with a
            // ten times smaller step (smooth regions agree to ~1e-10). Such parameters are skipped and counted.
            if (Math.Abs(fd - CentralDifference(k, step / 10)) > KernelTolerances.FiniteDifference * (1 + Math.Abs(fd)))
            {
                skipped++;
                continue;
            }
            double analytic = double.CreateChecked(gradient[k]);
            Assert.True(Math.Abs(fd - analytic) <= KernelTolerances.FiniteDifference * (1 + Math.Abs(analytic)),
                $"{Name}: dL/dθ[{k}] = {analytic}, central difference {fd}");
        }
        return skipped;
    }

    public long AllocatedBytes(int calls, KernelPath path)
    {
        var a = Architecture;
        const int batch = 37;
        var random = new Random(1);
        var parameters = RandomParameters(random);
        var inputs = RandomValues(random, a.InputDim * batch, 1.0);
        var outputs = new T[a.OutputDim * batch];
        var gradient = new T[a.ParameterCount];
        var inputGradients = new T[a.InputDim * batch];
        var workspace = new T[TNet.BackwardWorkspaceLength];
        var networkParameters = RandomValues(random, 2 * TNet.ParameterCount * TNet.NetworkLanes, 0.5);
        var networkOutputs = new T[2 * a.OutputDim * TNet.NetworkLanes];
        var point = RandomValues(random, a.InputDim, 1.0);

        void Run()
        {
            TNet.Forward(parameters, inputs, outputs, path);
            TNet.Backward(parameters, inputs, outputs, gradient, inputGradients, workspace, path);
            TNet.ForwardNetworks(networkParameters, point, networkOutputs, path);
        }
        // Warm up past the tiering thresholds (100 calls), then measure batches of `calls` calls.
        for (int i = 0; i < 100; i++)
            Run();
        return AllocationProbe.SteadyStateBytes(() =>
        {
            for (int i = 0; i < calls; i++)
                Run();
        }, warmUps: 0);
    }

    /// <summary>Parameters drawn uniformly with He variance 2/fan_in for weights (activations stay O(1) at any depth) and U(−0.5, 0.5) biases.</summary>
    private static T[] RandomParameters(Random random)
    {
        var a = TNet.Architecture;
        var parameters = new T[a.ParameterCount];
        for (int l = 1; l <= a.LayerCount; l++)
        {
            double limit = Math.Sqrt(6.0 / a.LayerInputs(l));
            int weights = a.LayerInputs(l) * a.LayerOutputs(l);
            for (int k = 0; k < weights; k++)
                parameters[a.WeightOffset(l) + k] = T.CreateChecked((2 * random.NextDouble() - 1) * limit);
            if (a.Bias)
                for (int j = 0; j < a.LayerOutputs(l); j++)
                    parameters[a.BiasOffset(l) + j] = T.CreateChecked(random.NextDouble() - 0.5);
        }
        return parameters;
    }

    private static T[] RandomValues(Random random, int length, double limit)
    {
        var values = new T[length];
        for (int i = 0; i < length; i++)
            values[i] = T.CreateChecked((2 * random.NextDouble() - 1) * limit);
        return values;
    }

    private static void AssertExactlyEqual(T[] expected, T[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(expected[i] == actual[i] || (T.IsNaN(expected[i]) && T.IsNaN(actual[i])),
                $"{what}: element {i} is {actual[i]}, generic kernel gives {expected[i]}");
    }
}
