namespace ReluKernels.Benchmarks.Baselines;

/// <summary>
/// A training step as one would write it by hand without SIMD or a framework: the <see cref="NaiveNetwork"/>'s scalar
/// forward and backward one sample at a time with the MSE gradient, then a plain SGD update. The "naive implementation"
/// baseline of the training benchmarks (one-dimensional inputs and outputs).
/// </summary>
public sealed class NaiveTrainer
{
    private readonly NaiveNetwork _network;
    private readonly float[][][] _weightGradients;
    private readonly float[][] _biasGradients;
    private readonly float _learningRate;

    public NaiveTrainer(NetworkArchitecture architecture, ReadOnlySpan<float> parameters, float learningRate)
    {
        _network = new NaiveNetwork(architecture, parameters);
        (_weightGradients, _biasGradients) = _network.NewGradients();
        _learningRate = learningRate;
    }

    /// <summary>One SGD step on a mini-batch of one-dimensional inputs and targets; returns the batch's mean squared error.</summary>
    public float Step(float[] inputs, float[] targets)
    {
        for (int l = 0; l < _biasGradients.Length; l++)
        {
            Array.Clear(_biasGradients[l]);
            foreach (var row in _weightGradients[l])
                Array.Clear(row);
        }
        float loss = _network.MseBackward(inputs, targets, _weightGradients, _biasGradients);
        _network.SgdUpdate(_weightGradients, _biasGradients, _learningRate);
        return loss;
    }
}
