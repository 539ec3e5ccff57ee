namespace ReluKernels.Benchmarks.Baselines;

/// <summary>
/// A training step as one would write it by hand without SIMD or a framework: jagged weight arrays, one sample at a time,
/// forward keeping each layer's activations, MSE loss, backward accumulating the gradient, then a plain SGD update. The
/// "naive implementation" baseline of the training benchmarks (one-dimensional inputs and outputs).
/// </summary>
public sealed class NaiveTrainer
{
    private readonly float[][][] _weights;        // [layer][out][in]
    private readonly float[][] _biases;           // [layer][out]
    private readonly float[][][] _weightGradients;
    private readonly float[][] _biasGradients;
    private readonly float[][] _activations;      // [layer 0..L][unit]
    private readonly float[] _delta;
    private readonly float[] _next;
    private readonly float _learningRate;

    public NaiveTrainer(NetworkArchitecture architecture, ReadOnlySpan<float> parameters, float learningRate)
    {
        int layers = architecture.LayerCount;
        _weights = new float[layers][][];
        _biases = new float[layers][];
        _weightGradients = new float[layers][][];
        _biasGradients = new float[layers][];
        for (int l = 1; l <= layers; l++)
        {
            int n = architecture.LayerOutputs(l), m = architecture.LayerInputs(l);
            _weights[l - 1] = new float[n][];
            _weightGradients[l - 1] = new float[n][];
            _biases[l - 1] = new float[n];
            _biasGradients[l - 1] = new float[n];
            for (int j = 0; j < n; j++)
            {
                _weights[l - 1][j] = parameters.Slice(architecture.WeightOffset(l) + j * m, m).ToArray();
                _weightGradients[l - 1][j] = new float[m];
                _biases[l - 1][j] = parameters[architecture.BiasOffset(l) + j];
            }
        }
        int max = Math.Max(architecture.Width, 1);
        _activations = Enumerable.Range(0, layers + 1).Select(_ => new float[max]).ToArray();
        _delta = new float[max];
        _next = new float[max];
        _learningRate = learningRate;
    }

    /// <summary>One SGD step on a mini-batch of one-dimensional inputs and targets; returns the batch's mean squared error.</summary>
    public float Step(float[] inputs, float[] targets)
    {
        int layers = _weights.Length;
        for (int l = 0; l < layers; l++)
        {
            Array.Clear(_biasGradients[l]);
            foreach (var row in _weightGradients[l])
                Array.Clear(row);
        }
        float loss = 0;
        for (int s = 0; s < inputs.Length; s++)
        {
            _activations[0][0] = inputs[s];
            for (int l = 0; l < layers; l++)
            {
                var w = _weights[l];
                var input = _activations[l];
                for (int j = 0; j < w.Length; j++)
                {
                    float z = _biases[l][j];
                    for (int i = 0; i < w[j].Length; i++)
                        z += w[j][i] * input[i];
                    _activations[l + 1][j] = l < layers - 1 ? Math.Max(z, 0f) : z;
                }
            }
            float residual = _activations[layers][0] - targets[s];
            loss += residual * residual;
            _delta[0] = 2 * residual / inputs.Length;
            for (int l = layers - 1; l >= 0; l--)
            {
                var w = _weights[l];
                var input = _activations[l];
                int m = w[0].Length;
                Array.Clear(_next, 0, m);
                for (int j = 0; j < w.Length; j++)
                {
                    _biasGradients[l][j] += _delta[j];
                    for (int i = 0; i < m; i++)
                    {
                        _weightGradients[l][j][i] += _delta[j] * input[i];
                        _next[i] += w[j][i] * _delta[j];
                    }
                }
                for (int i = 0; i < m; i++)
                    _delta[i] = input[i] > 0 ? _next[i] : 0;
            }
        }
        for (int l = 0; l < layers; l++)
            for (int j = 0; j < _weights[l].Length; j++)
            {
                _biases[l][j] -= _learningRate * _biasGradients[l][j];
                for (int i = 0; i < _weights[l][j].Length; i++)
                    _weights[l][j][i] -= _learningRate * _weightGradients[l][j][i];
            }
        return loss / inputs.Length;
    }
}
