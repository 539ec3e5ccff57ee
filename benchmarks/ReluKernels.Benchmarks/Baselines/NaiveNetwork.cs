namespace ReluKernels.Benchmarks.Baselines;

/// <summary>
/// The network as one would write it by hand without SIMD: jagged weight arrays, one sample at a time, plain
/// multiply-add. The "naive scalar loop" baseline of the benchmarks.
/// </summary>
public sealed class NaiveNetwork
{
    private readonly float[][][] _weights; // [layer][out][in]
    private readonly float[][] _biases;    // [layer][out]
    private readonly float[] _a;
    private readonly float[] _b;
    private readonly float[][] _activations; // per layer, for backward
    private readonly float[] _delta;
    private readonly float[] _next;

    public NaiveNetwork(NetworkArchitecture architecture, ReadOnlySpan<float> parameters)
    {
        Architecture = architecture;
        int layers = architecture.LayerCount;
        _weights = new float[layers][][];
        _biases = new float[layers][];
        for (int l = 1; l <= layers; l++)
        {
            int n = architecture.LayerOutputs(l), m = architecture.LayerInputs(l);
            _weights[l - 1] = new float[n][];
            _biases[l - 1] = new float[n];
            for (int j = 0; j < n; j++)
            {
                _weights[l - 1][j] = parameters.Slice(architecture.WeightOffset(l) + j * m, m).ToArray();
                _biases[l - 1][j] = parameters[architecture.BiasOffset(l) + j];
            }
        }
        int max = Math.Max(architecture.Width, Math.Max(architecture.InputDim, architecture.OutputDim));
        _a = new float[max];
        _b = new float[max];
        _activations = Enumerable.Range(0, layers + 1).Select(_ => new float[max]).ToArray();
        _delta = new float[max];
        _next = new float[max];
    }

    public NetworkArchitecture Architecture { get; }

    /// <summary>Forward for a batch of one-dimensional inputs.</summary>
    public void Forward(float[] inputs, float[] outputs)
    {
        for (int s = 0; s < inputs.Length; s++)
        {
            _a[0] = inputs[s];
            int width = 1;
            for (int l = 0; l < _weights.Length; l++)
            {
                var w = _weights[l];
                for (int j = 0; j < w.Length; j++)
                {
                    float z = _biases[l][j];
                    for (int i = 0; i < width; i++)
                        z += w[j][i] * _a[i];
                    _b[j] = l < _weights.Length - 1 ? Math.Max(z, 0f) : z;
                }
                width = w.Length;
                Array.Copy(_b, _a, width);
            }
            outputs[s] = _a[0];
        }
    }

    /// <summary>Backward (parameter gradients, accumulated into jagged arrays) for a batch of one-dimensional inputs.</summary>
    public void Backward(float[] inputs, float[] outputGradients, float[][][] weightGradients, float[][] biasGradients)
    {
        for (int s = 0; s < inputs.Length; s++)
        {
            ForwardKeepingActivations(inputs[s]);
            BackwardOneSample(outputGradients[s], weightGradients, biasGradients);
        }
    }

    /// <summary>
    /// The MSE loss of a batch of one-dimensional inputs and targets, with its parameter gradients accumulated into the
    /// jagged arrays (one forward and one backward pass per sample).
    /// </summary>
    public float MseBackward(float[] inputs, float[] targets, float[][][] weightGradients, float[][] biasGradients)
    {
        float loss = 0;
        for (int s = 0; s < inputs.Length; s++)
        {
            float residual = ForwardKeepingActivations(inputs[s]) - targets[s];
            loss += residual * residual;
            BackwardOneSample(2 * residual / inputs.Length, weightGradients, biasGradients);
        }
        return loss / inputs.Length;
    }

    /// <summary>Plain SGD: θ ← θ − η·g.</summary>
    public void SgdUpdate(float[][][] weightGradients, float[][] biasGradients, float learningRate)
    {
        for (int l = 0; l < _weights.Length; l++)
            for (int j = 0; j < _weights[l].Length; j++)
            {
                _biases[l][j] -= learningRate * biasGradients[l][j];
                for (int i = 0; i < _weights[l][j].Length; i++)
                    _weights[l][j][i] -= learningRate * weightGradients[l][j][i];
            }
    }

    /// <summary>Gradient arrays shaped like the weights and biases, zero.</summary>
    public (float[][][] Weights, float[][] Biases) NewGradients() =>
        ([.. _weights.Select(w => w.Select(row => new float[row.Length]).ToArray())], [.. _biases.Select(b => new float[b.Length])]);

    private float ForwardKeepingActivations(float x)
    {
        int layers = _weights.Length;
        _activations[0][0] = x;
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
        return _activations[layers][0];
    }

    private void BackwardOneSample(float outputGradient, float[][][] weightGradients, float[][] biasGradients)
    {
        _delta[0] = outputGradient;
        for (int l = _weights.Length - 1; l >= 0; l--)
        {
            var w = _weights[l];
            var input = _activations[l];
            int m = w[0].Length;
            Array.Clear(_next, 0, m);
            for (int j = 0; j < w.Length; j++)
            {
                biasGradients[l][j] += _delta[j];
                for (int i = 0; i < m; i++)
                {
                    weightGradients[l][j][i] += _delta[j] * input[i];
                    _next[i] += w[j][i] * _delta[j];
                }
            }
            for (int i = 0; i < m; i++)
                _delta[i] = input[i] > 0 ? _next[i] : 0;
        }
    }
}
