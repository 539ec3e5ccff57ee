using ReluKernels.Training.Layers;

namespace ReluKernels.Tests.Training.Layers;

/// <summary>
/// Lu, Su &amp; Karniadakis 2019, §5.2: batch normalisation escapes collapse. A hidden layer whose pre-activation is negative
/// for every sample of the batch is dead without BN — no gradient reaches the layers before it (their Lemma 3) — but with
/// BN before the activation the batch is re-centred, about half of it passes the ReLU and the earlier layers train.
/// </summary>
public sealed class DeadLayerTests
{
    [Fact]
    public void Batch_normalisation_passes_gradient_through_a_layer_that_would_be_dead()
    {
        var network = new NetworkArchitecture(2, 3);
        // Layer 1: W = (1, −1)ᵀ, b = (0.1, 0.2), so a¹ ≥ 0. Layer 2: W ≤ 0 and b < 0, so z² < 0 for every input.
        double[] plain = [1, -1, 0.1, 0.2, -1, -0.5, -0.5, -1, -0.5, -0.5, 1, 0.5, -0.5, 1, 0.1, 0.1, 1, -1, 0];
        Assert.Equal(network.ParameterCount, plain.Length);
        double[] x = [-1, -0.5, 0, 0.5, 1];
        double[] dy = [1, -1, 0.5, 2, -0.5];

        var withoutBn = Gradient(new LayeredArchitecture(network, [HiddenLayerOptions.Plain, HiddenLayerOptions.Plain, HiddenLayerOptions.Plain]), plain, x, dy);
        var withBn = Gradient(new LayeredArchitecture(network, [HiddenLayerOptions.Plain, new(HiddenNormalization.Batch), HiddenLayerOptions.Plain]), plain, x, dy);

        int earlier = network.WeightOffset(3); // every weight and bias of layers 1 and 2
        Assert.All(withoutBn[..earlier], g => Assert.Equal(0, g));
        Assert.Contains(withBn[..network.WeightOffset(2)], g => Math.Abs(g) > 1e-3); // layer 1 receives gradient
    }

    private static double[] Gradient(LayeredArchitecture layout, double[] plain, double[] x, double[] dy)
    {
        var parameters = new double[layout.ParameterCount];
        plain.CopyTo(parameters, 0);
        layout.CompleteInitialization<double>(parameters);
        var network = new LayeredNetwork<double>(layout);
        var gradient = new double[layout.ParameterCount];
        network.BeginTrainingStep([]);
        network.Backward(parameters, x, dy, gradient);
        network.EndTrainingStep(parameters, updated: false);
        return gradient;
    }
}
