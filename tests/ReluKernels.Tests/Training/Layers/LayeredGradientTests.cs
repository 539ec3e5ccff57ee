using ReluKernels.Tests.Kernels;
using ReluKernels.Training.Layers;

namespace ReluKernels.Tests.Training.Layers;

/// <summary>
/// The layered kernel's backward pass against central finite differences of its training-mode forward pass (double),
/// for batch normalisation, weight normalisation, dropout with a fixed mask and mixtures, and in evaluation mode.
/// </summary>
/// <remarks>
/// The loss is L(θ) = Σ c·y with fixed random coefficients c, so dL/dy = c is what Backward is given. Batch statistics
/// make L depend on every sample at once: the finite differences see that coupling, a per-sample gradient would not.
/// Tolerance: <see cref="KernelTolerances.FiniteDifference"/>, whose derivation (O(1) networks, h = 1e-5) holds here
/// because the inputs spread the pre-activations so each batch variance is O(1) and 1/√(σ² + ε) stays O(1).
/// </remarks>
public sealed class LayeredGradientTests
{
    private const int Batch = 7;

    public static TheoryData<string> Cases => ["batch", "weight", "dropout", "mixed", "batch-elu-2d", "batch-erf-out"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Training_mode_gradients_match_finite_differences(string name) => Check(Layout(name), training: true);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluation_mode_gradients_match_finite_differences(string name) => Check(Layout(name), training: false);

    private static void Check(LayeredArchitecture layout, bool training)
    {
        var network = new LayeredNetwork<double>(layout);
        var a = layout.Network;
        var rng = new CounterRng(91, 3);
        var parameters = LayeredSetup.Parameters(layout, ref rng);
        var inputs = new double[a.InputDim * Batch];
        for (int k = 0; k < inputs.Length; k++)
            inputs[k] = 2 * rng.NextDouble() - 1;
        var c = new double[a.OutputDim * Batch];
        for (int k = 0; k < c.Length; k++)
            c[k] = rng.NextNormalDouble();

        // Every evaluation restarts the run, so the step — and with it the dropout mask — is the same each time.
        double Loss(double[] theta)
        {
            network.BeginRun(5, 2);
            if (training)
                network.BeginTrainingStep([]);
            var y = new double[c.Length];
            network.Forward(theta, inputs, y);
            network.EndTrainingStep(theta, updated: false);
            return y.Select((v, k) => v * c[k]).Sum();
        }

        network.BeginRun(5, 2);
        if (training)
            network.BeginTrainingStep([]);
        var gradient = new double[layout.ParameterCount];
        network.Backward(parameters, inputs, c, gradient);
        network.EndTrainingStep(parameters, updated: false);

        // Trainable parameters only: in evaluation the output depends on the running statistics too, but they are state
        // the trainer sets, not something gradient descent moves (their zero gradient is checked below).
        double h = KernelTolerances.FiniteDifferenceStep;
        for (int p = 0; p < layout.TrainableParameterCount; p++)
        {
            var plus = (double[])parameters.Clone();
            var minus = (double[])parameters.Clone();
            plus[p] += h;
            minus[p] -= h;
            double numeric = (Loss(plus) - Loss(minus)) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[p]) <= KernelTolerances.FiniteDifference * (1 + Math.Abs(numeric)),
                $"{layout}, {(training ? "training" : "evaluation")}: parameter {p}: backward {gradient[p]}, finite difference {numeric}");
        }
        // The running statistics are state: never any gradient.
        for (int l = 1; l <= a.Depth; l++)
            if (layout.RunningMeanOffset(l) >= 0)
                Assert.All(gradient.AsSpan(layout.RunningMeanOffset(l), 2 * a.Width).ToArray(), g => Assert.Equal(0, g));
    }

    private static LayeredArchitecture Layout(string name) => name switch
    {
        "batch" => LayeredArchitecture.Uniform(new NetworkArchitecture(3, 3, inputDim: 2, outputDim: 2), HiddenNormalization.Batch),
        "weight" => LayeredArchitecture.Uniform(new NetworkArchitecture(3, 3, inputDim: 2, outputDim: 2), HiddenNormalization.Weight),
        "dropout" => LayeredArchitecture.Uniform(new NetworkArchitecture(4, 3, inputDim: 2), dropout: 0.4),
        "mixed" => new LayeredArchitecture(new NetworkArchitecture(3, 3, inputDim: 2, outputDim: 2),
            [new(HiddenNormalization.Batch, 0.3), new(HiddenNormalization.Weight, 0.2), new(HiddenNormalization.None, 0.5)]),
        // Normalised erf's σ' is read from the pre-activation, not the output: hidden layers and an activated output layer.
        "batch-erf-out" => LayeredArchitecture.Uniform(
            new NetworkArchitecture(3, 2, inputDim: 2, outputDim: 2, outputActivation: true, activation: Activation.NormalizedErf), HiddenNormalization.Batch, 0.25),
        _ => LayeredArchitecture.Uniform(new NetworkArchitecture(3, 2, inputDim: 2, outputDim: 2, activation: Activation.ELU), HiddenNormalization.Batch, 0.25),
    };
}
