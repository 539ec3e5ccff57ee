using ReluKernels.Training;
using ReluKernels.Training.Data;

namespace ReluKernels.Tests.Training;

/// <summary>
/// One gradient-descent step on 1 → [2] → 1 equals a step worked out by hand, on the generated kernel and on the generic
/// kernel. All numbers are dyadic, so the expected values are exact in binary and the comparison is exact.
/// </summary>
public sealed class HandComputedStepTests
{
    // Layout [w11, w21, c1, c2, v1, v2, d]: W1 = (w11, w21)ᵀ, b1 = (c1, c2), W2 = (v1, v2), b2 = d.
    // Network: h_j = relu(w_j1·x + c_j), y = v1·h1 + v2·h2 + d.
    private static readonly double[] Start = [1, -0.5, 0.5, 0.25, 2, -1, 0.5];

    // Two samples: x = 1 with target 1, x = −1 with target 0.
    private static readonly double[] Inputs = [1, -1];
    private static readonly double[] Targets = [1, 0];

    // Forward by hand.
    //   x = 1:  z1 = 1·1 + 0.5 = 1.5 → h1 = 1.5;   z2 = −0.5·1 + 0.25 = −0.25 → h2 = 0;
    //           y = 2·1.5 − 1·0 + 0.5 = 3.5;  residual e = 3.5 − 1 = 2.5.
    //   x = −1: z1 = −1 + 0.5 = −0.5 → h1 = 0;      z2 = 0.5 + 0.25 = 0.75 → h2 = 0.75;
    //           y = 0 − 0.75 + 0.5 = −0.25;   residual e = −0.25 − 0 = −0.25.

    [Fact]
    public void Mse_step_matches_the_hand_computation()
    {
        // MSE = (2.5² + 0.25²)/2 = (6.25 + 0.0625)/2 = 3.15625.
        // dL/dy_s = 2·e_s/2 = e_s = (2.5, −0.25).
        // Output layer: dv1 = Σ g·h1 = 2.5·1.5 = 3.75; dv2 = Σ g·h2 = −0.25·0.75 = −0.1875; dd = 2.5 − 0.25 = 2.25.
        // Hidden deltas δ_j = g·v_j·1{z_j > 0}: neuron 1 only at x = 1: 2.5·2 = 5; neuron 2 only at x = −1: −0.25·(−1) = 0.25.
        // dw11 = 5·1 = 5, dc1 = 5; dw21 = 0.25·(−1) = −0.25, dc2 = 0.25.
        // Gradient (layout order): (5, −0.25, 5, 0.25, 3.75, −0.1875, 2.25). With η = 0.125, θ − η·g:
        double[] expected = [1 - 0.625, -0.5 + 0.03125, 0.5 - 0.625, 0.25 - 0.03125, 2 - 0.46875, -1 + 0.0234375, 0.5 - 0.28125];
        double[] gradient = [5, -0.25, 5, 0.25, 3.75, -0.1875, 2.25];
        AssertStep(LossFunction.MeanSquaredError, 3.15625, gradient, expected);
    }

    [Fact]
    public void Mae_step_matches_the_hand_computation()
    {
        // MAE = (2.5 + 0.25)/2 = 1.375; dL/dy_s = sign(e_s)/2 = (0.5, −0.5).
        // dv1 = 0.5·1.5 = 0.75; dv2 = −0.5·0.75 = −0.375; dd = 0.5 − 0.5 = 0.
        // δ1 = 0.5·2 = 1 at x = 1; δ2 = −0.5·(−1) = 0.5 at x = −1.  dw11 = 1, dc1 = 1; dw21 = 0.5·(−1) = −0.5, dc2 = 0.5.
        double[] gradient = [1, -0.5, 1, 0.5, 0.75, -0.375, 0];
        double[] expected = [1 - 0.125, -0.5 + 0.0625, 0.5 - 0.125, 0.25 - 0.0625, 2 - 0.09375, -1 + 0.046875, 0.5];
        AssertStep(LossFunction.MeanAbsoluteError, 1.375, gradient, expected);
    }

    private static void AssertStep(LossFunction loss, double expectedLoss, double[] expectedGradient, double[] expectedParameters)
    {
        var options = new TrainingOptions { Optimizer = new SgdSettings(0.125), Loss = loss };
        AssertStep(new Trainer<GeneratedKernel<Tiny2x1, double>, double>(new(), options), expectedLoss, expectedGradient, expectedParameters);
        AssertStep(new Trainer<GenericKernel<double>, double>(new(Tiny2x1.Architecture), options), expectedLoss, expectedGradient, expectedParameters);
    }

    private static void AssertStep<TKernel>(Trainer<TKernel, double> trainer, double expectedLoss, double[] expectedGradient, double[] expectedParameters)
        where TKernel : struct, ITrainableNetwork<TKernel, double>
    {
        var parameters = (double[])Start.Clone();
        var step = trainer.Step(parameters, Inputs, Targets);
        Assert.Equal(expectedLoss, step.Loss);
        Assert.False(step.HiddenGradientsZero);
        Assert.Equal(expectedGradient, trainer.LastGradient.ToArray());
        Assert.Equal(expectedParameters, parameters);
    }
}
