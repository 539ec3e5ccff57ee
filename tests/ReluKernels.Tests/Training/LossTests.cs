using ReluKernels.Training;

namespace ReluKernels.Tests.Training;

/// <summary>MSE and MAE values and gradients, worked by hand.</summary>
public sealed class LossTests
{
    [Fact]
    public void Mse_is_the_mean_square_and_its_gradient_two_residuals_over_n()
    {
        // Residuals (1, −2, 0.5, 0): mean square (1 + 4 + 0.25 + 0)/4 = 1.3125; gradient 2r/4 = (0.5, −1, 0.25, 0).
        var gradient = new double[4];
        double value = Losses.ValueAndGradient<double>(LossFunction.MeanSquaredError, [2, -1, 1.5, 3], [1, 1, 1, 3], gradient);
        Assert.Equal(1.3125, value);
        Assert.Equal([0.5, -1, 0.25, 0], gradient);
        Assert.Equal(1.3125, Losses.Value<double>(LossFunction.MeanSquaredError, [2, -1, 1.5, 3], [1, 1, 1, 3]));
    }

    [Fact]
    public void Mae_is_the_mean_absolute_residual_with_subgradient_zero_at_zero()
    {
        // Residuals (1, −2, 0.5, 0): mean |r| = 3.5/4 = 0.875; gradient sign(r)/4 = (0.25, −0.25, 0.25, 0).
        var gradient = new float[4];
        double value = Losses.ValueAndGradient<float>(LossFunction.MeanAbsoluteError, [2, -1, 1.5f, 3], [1, 1, 1, 3], gradient);
        Assert.Equal(0.875, value);
        Assert.Equal([0.25f, -0.25f, 0.25f, 0], gradient);
    }

    [Fact]
    public void Non_finite_outputs_give_a_non_finite_loss()
    {
        var gradient = new double[2];
        Assert.True(double.IsNaN(Losses.ValueAndGradient<double>(LossFunction.MeanAbsoluteError, [double.NaN, 0], [0, 0], gradient)));
        Assert.True(double.IsNaN(gradient[0]));
        Assert.True(double.IsPositiveInfinity(Losses.Value<double>(LossFunction.MeanSquaredError, [double.PositiveInfinity, 0], [0, 0])));
    }

    [Fact]
    public void Mismatched_or_empty_spans_are_rejected()
    {
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => Losses.Value<double>(LossFunction.MeanSquaredError, [1, 2], [1])).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() =>
            Losses.ValueAndGradient<double>(LossFunction.MeanSquaredError, [1, 2], [1, 2], new double[3])).ParamName);
        Assert.Throws<ArgumentException>(() => Losses.Value<double>(LossFunction.MeanAbsoluteError, [], []));
    }
}
