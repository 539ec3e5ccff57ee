using MathNet.Numerics.LinearAlgebra;

namespace ReluKernels.Benchmarks.Baselines;

/// <summary>The network as MathNet.Numerics dense matrix–vector products, one sample at a time, into preallocated vectors.</summary>
public sealed class MathNetNetwork
{
    private readonly Matrix<float>[] _weights;
    private readonly Vector<float>[] _biases;
    private readonly Vector<float>[] _activations;

    public MathNetNetwork(NetworkArchitecture architecture, ReadOnlySpan<float> parameters)
    {
        int layers = architecture.LayerCount;
        _weights = new Matrix<float>[layers];
        _biases = new Vector<float>[layers];
        _activations = new Vector<float>[layers + 1];
        _activations[0] = Vector<float>.Build.Dense(architecture.InputDim);
        for (int l = 1; l <= layers; l++)
        {
            int n = architecture.LayerOutputs(l), m = architecture.LayerInputs(l);
            var w = parameters.Slice(architecture.WeightOffset(l), n * m).ToArray();
            _weights[l - 1] = Matrix<float>.Build.Dense(n, m, (j, i) => w[j * m + i]);
            _biases[l - 1] = Vector<float>.Build.Dense(parameters.Slice(architecture.BiasOffset(l), n).ToArray());
            _activations[l] = Vector<float>.Build.Dense(n);
        }
    }

    public void Forward(float[] inputs, float[] outputs)
    {
        int layers = _weights.Length;
        for (int s = 0; s < inputs.Length; s++)
        {
            _activations[0][0] = inputs[s];
            for (int l = 0; l < layers; l++)
            {
                _weights[l].Multiply(_activations[l], _activations[l + 1]);
                _activations[l + 1].Add(_biases[l], _activations[l + 1]);
                if (l < layers - 1)
                    _activations[l + 1].PointwiseMaximum(0f, _activations[l + 1]);
            }
            outputs[s] = _activations[layers][0];
        }
    }
}
