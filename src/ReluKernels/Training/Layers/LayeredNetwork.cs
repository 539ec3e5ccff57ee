using System.Numerics;

namespace ReluKernels.Training.Layers;

/// <summary>
/// The forward and backward passes of a <see cref="LayeredArchitecture"/> on a sample-parallel batch, layer by layer over
/// the whole batch (batch normalisation needs every sample's pre-activation before any can go on). Plain loops in the
/// order of <see cref="GenericNetwork{T}"/>: with no normalisation and no dropout the forward pass is bit-identical to it.
/// </summary>
/// <remarks>
/// <para><b>Modes.</b> Between <see cref="BeginTrainingStep"/> and <see cref="EndTrainingStep"/> the passes are in
/// training mode (mini-batch statistics, dropout masks); otherwise in evaluation mode (running statistics, no dropout).
/// <see cref="Backward"/> recomputes the forward pass of its mode and differentiates exactly that.</para>
/// <para><b>Memory.</b> Per-layer buffers are sized for the largest batch seen so far and grow only when a larger one
/// arrives, so calls allocate nothing in steady state. An instance must not be used by two threads at once.</para>
/// </remarks>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class LayeredNetwork<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T Epsilon = T.CreateTruncating(LayeredArchitecture.BatchNormEpsilon);
    private static readonly T Momentum = T.CreateTruncating(LayeredArchitecture.BatchNormMomentum);

    private readonly KernelActivation<T> _activation;
    private readonly int _maxRow;
    private readonly T[][] _weights;                 // effective W of layer l (n×m): W, or g·v/‖v‖
    private readonly T[][] _norms;                   // ‖v_j‖ of a weight-normalised layer
    private readonly T[][] _mean, _variance, _invStd; // batch-normalised layer: the pass's μ, biased σ² and 1/√(σ² + ε)
    private readonly T[] _weightGradient;            // dL/dW of one layer before it is mapped to dg, dv
    private readonly T[][] _outputs;                 // a^l (after dropout), n×B; layer L holds the network's output
    private readonly T[][] _activated;               // h = φ(u) of a hidden layer, before dropout
    private readonly T[][] _preActivations;          // u (after batch normalisation) of an activated layer: normalised erf's σ' needs it
    private readonly T[][] _normalized;              // ẑ of a batch-normalised layer
    private readonly T[][] _masks;                   // 0 or 1/(1 − p) of a dropout layer in training
    private T[] _delta = [], _nextDelta = [];
    private int[] _samples = [];
    private int _sampleCount;
    private int _capacity;
    private int _lastBatch;
    private bool _training;
    private long _step;
    private (uint K0, uint K1) _key;

    /// <summary>A network for <paramref name="layout"/>, in evaluation mode, with the dropout key of seed 0, stream 0.</summary>
    public LayeredNetwork(LayeredArchitecture layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Layout = layout;
        var a = layout.Network;
        _activation = new KernelActivation<T>(a);
        _maxRow = Math.Max(a.Width, Math.Max(a.InputDim, a.OutputDim));
        int layers = a.LayerCount + 1;
        _weights = new T[layers][];
        _norms = new T[layers][];
        _mean = new T[layers][];
        _variance = new T[layers][];
        _invStd = new T[layers][];
        for (int l = 1; l <= a.LayerCount; l++)
        {
            _weights[l] = new T[a.LayerOutputs(l) * a.LayerInputs(l)];
            _norms[l] = new T[a.LayerOutputs(l)];
            _mean[l] = new T[a.LayerOutputs(l)];
            _variance[l] = new T[a.LayerOutputs(l)];
            _invStd[l] = new T[a.LayerOutputs(l)];
        }
        _weightGradient = new T[_maxRow * _maxRow];
        _outputs = new T[layers][];
        _activated = new T[layers][];
        _preActivations = new T[layers][];
        _normalized = new T[layers][];
        _masks = new T[layers][];
        _key = DropoutMasks.Key(0, 0);
    }

    /// <summary>The shape and layer options.</summary>
    public LayeredArchitecture Layout { get; }

    /// <summary>Whether the passes are in training mode (inside a training step).</summary>
    public bool Training => _training;

    /// <summary>Training steps begun since <see cref="BeginRun"/>; the step a dropout mask is keyed by.</summary>
    public long Step => _step;

    /// <summary>Starts a training run: keys the dropout masks by (<paramref name="seed"/>, <paramref name="stream"/>) and restarts the step count.</summary>
    public void BeginRun(ulong seed, ulong stream)
    {
        _key = DropoutMasks.Key(seed, stream);
        _step = 0;
        _training = false;
    }

    /// <summary>
    /// Enters training mode for one step and counts it. <paramref name="samples"/> are the data-set indices of the
    /// mini-batch's samples, in batch order (dropout masks are keyed by them); empty means 0, 1, …, batch − 1.
    /// </summary>
    public void BeginTrainingStep(ReadOnlySpan<int> samples)
    {
        if (samples.Length > _samples.Length)
            _samples = new int[Math.Max(samples.Length, 2 * _samples.Length)];
        samples.CopyTo(_samples);
        _sampleCount = samples.Length;
        _step++;
        _training = true;
    }

    /// <summary>
    /// Leaves training mode. When <paramref name="updated"/>, folds the last training pass's batch statistics into the
    /// running statistics in <paramref name="parameters"/>: mean ← (1 − m)·mean + m·μ, variance ← (1 − m)·variance +
    /// m·σ²·B/(B − 1) (the unbiased estimate, as PyTorch), m = <see cref="LayeredArchitecture.BatchNormMomentum"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is not <see cref="LayeredArchitecture.ParameterCount"/> long.</exception>
    public void EndTrainingStep(Span<T> parameters, bool updated)
    {
        KernelArguments.RequireLength(parameters.Length, Layout.ParameterCount, nameof(parameters));
        bool fold = updated && _training && _lastBatch > 1;
        _training = false;
        if (!fold)
            return;
        T keep = T.One - Momentum, unbias = T.CreateTruncating(_lastBatch) / T.CreateTruncating(_lastBatch - 1);
        for (int l = 1; l <= Layout.Network.Depth; l++)
        {
            if (Layout.RunningMeanOffset(l) < 0)
                continue;
            var mean = parameters.Slice(Layout.RunningMeanOffset(l), Layout.Network.Width);
            var variance = parameters.Slice(Layout.RunningVarianceOffset(l), Layout.Network.Width);
            for (int j = 0; j < mean.Length; j++)
            {
                mean[j] = keep * mean[j] + Momentum * _mean[l][j];
                variance[j] = keep * variance[j] + Momentum * _variance[l][j] * unbias;
            }
        }
    }

    /// <summary>Sample-parallel forward in the current mode; layouts as <see cref="IReluNetwork{TSelf, T}.Forward"/>.</summary>
    /// <exception cref="ArgumentException">A span does not fit the layout, or a training batch with batch normalisation has one sample.</exception>
    public void Forward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> inputs, Span<T> outputs)
    {
        var a = Layout.Network;
        int batch = KernelArguments.SampleBatch(parameters.Length, Layout.ParameterCount, inputs.Length, a.InputDim, outputs.Length, a.OutputDim, nameof(outputs));
        Propagate(parameters, inputs, batch);
        _outputs[a.LayerCount].AsSpan(0, a.OutputDim * batch).CopyTo(outputs);
    }

    /// <summary>Adds dL/dθ summed over the batch (θ in <see cref="LayeredArchitecture"/>'s layout) for the current mode's forward pass.</summary>
    /// <exception cref="ArgumentException">A span does not fit the layout, or a training batch with batch normalisation has one sample.</exception>
    public void Backward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> inputs, ReadOnlySpan<T> outputGradients, Span<T> parameterGradients)
    {
        var a = Layout.Network;
        int batch = KernelArguments.SampleBatch(parameters.Length, Layout.ParameterCount, inputs.Length, a.InputDim,
            outputGradients.Length, a.OutputDim, nameof(outputGradients));
        KernelArguments.RequireLength(parameterGradients.Length, Layout.ParameterCount, nameof(parameterGradients));
        Propagate(parameters, inputs, batch);

        var delta = _delta.AsSpan(0, a.OutputDim * batch);
        var y = _outputs[a.LayerCount];
        for (int k = 0; k < delta.Length; k++)
            delta[k] = a.OutputActivation ? _activation.DerivativeTimes(y[k], _preActivations[a.LayerCount][k], outputGradients[k]) : outputGradients[k];

        for (int l = a.LayerCount; l >= 1; l--)
        {
            // delta holds dL/dz of layer l (n×B).
            int n = a.LayerOutputs(l), m = a.LayerInputs(l);
            var input = l == 1 ? inputs : _outputs[l - 1].AsSpan(0, m * batch);
            LinearGradients(parameters, parameterGradients, l, input, delta, batch);
            if (l == 1)
                break;
            var next = _nextDelta.AsSpan(0, m * batch);
            var w = _weights[l];
            for (int i = 0; i < m; i++)
            {
                for (int s = 0; s < batch; s++)
                {
                    T sum = T.Zero;
                    for (int j = 0; j < n; j++)
                        sum = T.FusedMultiplyAdd(w[j * m + i], delta[j * batch + s], sum);
                    next[i * batch + s] = sum;
                }
            }
            HiddenGradients(parameters, parameterGradients, l - 1, next, batch);
            (_delta, _nextDelta) = (_nextDelta, _delta);
            delta = _delta.AsSpan(0, m * batch);
        }
    }

    /// <summary>Bias and weight gradients of layer <paramref name="l"/> from dL/dz; under weight normalisation mapped to dg and dv.</summary>
    private void LinearGradients(ReadOnlySpan<T> parameters, Span<T> gradients, int l, ReadOnlySpan<T> input, ReadOnlySpan<T> delta, int batch)
    {
        var a = Layout.Network;
        int n = a.LayerOutputs(l), m = a.LayerInputs(l), w = a.WeightOffset(l);
        if (a.Bias)
        {
            int b = a.BiasOffset(l);
            for (int j = 0; j < n; j++)
            {
                T sum = T.Zero;
                foreach (var d in delta.Slice(j * batch, batch))
                    sum += d;
                gradients[b + j] += sum;
            }
        }
        int gain = l <= a.Depth ? Layout.GainOffset(l) : -1;
        var dW = gain >= 0 ? _weightGradient.AsSpan(0, n * m) : gradients.Slice(w, n * m);
        if (gain >= 0)
            dW.Clear();
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < m; i++)
            {
                T sum = dW[j * m + i];
                for (int s = 0; s < batch; s++)
                    sum = T.FusedMultiplyAdd(delta[j * batch + s], input[i * batch + s], sum);
                dW[j * m + i] = sum;
            }
        }
        if (gain < 0)
            return;
        // w = g·v/‖v‖: dL/dg = dW·v/‖v‖, dL/dv = (g/‖v‖)·dW − (g·dL/dg/‖v‖²)·v (Salimans & Kingma 2016, Eq. 3).
        for (int j = 0; j < n; j++)
        {
            var v = parameters.Slice(w + j * m, m);
            var row = dW.Slice(j * m, m);
            T norm = _norms[l][j], g = parameters[gain + j], dot = T.Zero;
            for (int i = 0; i < m; i++)
                dot += row[i] * v[i];
            T dg = dot / norm;
            gradients[gain + j] += dg;
            for (int i = 0; i < m; i++)
                gradients[w + j * m + i] += g / norm * row[i] - g * dg / (norm * norm) * v[i];
        }
    }

    /// <summary>Turns dL/da of hidden layer <paramref name="l"/> (in <paramref name="gradient"/>) into dL/dz, through dropout, the activation and batch normalisation.</summary>
    private void HiddenGradients(ReadOnlySpan<T> parameters, Span<T> gradients, int l, Span<T> gradient, int batch)
    {
        var options = Layout.Layer(l);
        int n = Layout.Network.Width;
        var h = _activated[l];
        var u = _preActivations[l];
        bool masked = _training && options.Dropout > 0;
        for (int k = 0; k < n * batch; k++)
            gradient[k] = _activation.DerivativeTimes(h[k], u[k], masked ? gradient[k] * _masks[l][k] : gradient[k]);
        if (options.Normalization != HiddenNormalization.Batch)
            return;
        int scale = Layout.ScaleOffset(l), shift = Layout.ShiftOffset(l);
        var zHat = _normalized[l];
        T count = T.CreateTruncating(batch);
        for (int j = 0; j < n; j++)
        {
            var du = gradient.Slice(j * batch, batch);
            var x = zHat.AsSpan(j * batch, batch);
            T sumDu = T.Zero, sumDuX = T.Zero;
            for (int s = 0; s < batch; s++)
            {
                sumDu += du[s];
                sumDuX += du[s] * x[s];
            }
            gradients[scale + j] += sumDuX;
            gradients[shift + j] += sumDu;
            T gamma = parameters[scale + j], invStd = _invStd[l][j];
            if (_training)
            {
                // ẑ depends on every sample through μ and σ²: dz_s = γ/(B·√(σ² + ε))·(B·du_s − Σ du − ẑ_s·Σ du·ẑ).
                T factor = gamma * invStd / count;
                for (int s = 0; s < batch; s++)
                    du[s] = factor * (count * du[s] - sumDu - x[s] * sumDuX);
            }
            else
            {
                for (int s = 0; s < batch; s++)
                    du[s] = gamma * invStd * du[s];
            }
        }
    }

    private void Propagate(ReadOnlySpan<T> parameters, ReadOnlySpan<T> inputs, int batch)
    {
        if (_training && batch < 2 && Layout.HasBatchNorm)
            throw new ArgumentException("Batch normalisation needs at least two samples per training mini-batch: the variance of one sample is 0 " +
                "and its normalised value undefined. Use a batch size of 2 or more (and a data set of 2 or more samples).", nameof(inputs));
        if (_training && _sampleCount != 0 && _sampleCount != batch)
            throw new ArgumentException($"The training step was given {_sampleCount} sample indices for a batch of {batch}.", nameof(inputs));
        EnsureCapacity(batch);
        _lastBatch = batch;
        var a = Layout.Network;
        for (int l = 1; l <= a.LayerCount; l++)
        {
            int n = a.LayerOutputs(l), m = a.LayerInputs(l);
            var input = l == 1 ? inputs : _outputs[l - 1].AsSpan(0, m * batch);
            var w = EffectiveWeights(parameters, l);
            var z = _outputs[l].AsSpan(0, n * batch);
            for (int j = 0; j < n; j++)
            {
                T bias = a.Bias ? parameters[a.BiasOffset(l) + j] : T.Zero;
                for (int s = 0; s < batch; s++)
                {
                    T sum = bias;
                    for (int i = 0; i < m; i++)
                        sum = T.FusedMultiplyAdd(w[j * m + i], input[i * batch + s], sum);
                    z[j * batch + s] = sum;
                }
            }
            if (l == a.LayerCount)
            {
                if (a.OutputActivation)
                {
                    z.CopyTo(_preActivations[l]);
                    foreach (ref var v in z)
                        v = _activation.Apply(v);
                }
                break;
            }
            HiddenForward(parameters, l, z, batch);
        }
    }

    /// <summary>Pre-activation z (in <paramref name="z"/>) to the layer's output a: batch normalisation, activation, dropout.</summary>
    private void HiddenForward(ReadOnlySpan<T> parameters, int l, Span<T> z, int batch)
    {
        var options = Layout.Layer(l);
        int n = Layout.Network.Width;
        if (options.Normalization == HiddenNormalization.Batch)
            Normalize(parameters, l, z, batch);
        z.CopyTo(_preActivations[l]);
        var h = _activated[l].AsSpan(0, n * batch);
        for (int k = 0; k < h.Length; k++)
            h[k] = _activation.Apply(z[k]);
        if (!_training || options.Dropout == 0)
        {
            h.CopyTo(z);
            return;
        }
        var mask = _masks[l].AsSpan(0, n * batch);
        T kept = T.One / (T.One - T.CreateTruncating(options.Dropout));
        for (int j = 0; j < n; j++)
        {
            for (int s = 0; s < batch; s++)
            {
                int sample = _sampleCount == 0 ? s : _samples[s];
                int k = j * batch + s;
                mask[k] = DropoutMasks.Keep(_key, _step, sample, l, j, options.Dropout) ? kept : T.Zero;
                z[k] = h[k] * mask[k];
            }
        }
    }

    /// <summary>z ← γ·ẑ + β with ẑ = (z − μ)/√(σ² + ε): the batch's μ and biased σ² in training, the running estimates otherwise.</summary>
    private void Normalize(ReadOnlySpan<T> parameters, int l, Span<T> z, int batch)
    {
        int n = Layout.Network.Width;
        int scale = Layout.ScaleOffset(l), shift = Layout.ShiftOffset(l);
        var zHat = _normalized[l];
        T count = T.CreateTruncating(batch);
        for (int j = 0; j < n; j++)
        {
            var row = z.Slice(j * batch, batch);
            T mean, variance;
            if (_training)
            {
                mean = T.Zero;
                foreach (var v in row)
                    mean += v;
                mean /= count;
                variance = T.Zero;
                foreach (var v in row)
                    variance += (v - mean) * (v - mean);
                variance /= count;
            }
            else
            {
                mean = parameters[Layout.RunningMeanOffset(l) + j];
                variance = parameters[Layout.RunningVarianceOffset(l) + j];
            }
            T invStd = T.One / T.Sqrt(variance + Epsilon);
            _mean[l][j] = mean;
            _variance[l][j] = variance;
            _invStd[l][j] = invStd;
            T gamma = parameters[scale + j], beta = parameters[shift + j];
            for (int s = 0; s < batch; s++)
            {
                T x = (row[s] - mean) * invStd;
                zHat[j * batch + s] = x;
                row[s] = gamma * x + beta;
            }
        }
    }

    /// <summary>Layer <paramref name="l"/>'s weights: W itself, or g_j·v_j/‖v_j‖ per row under weight normalisation.</summary>
    private T[] EffectiveWeights(ReadOnlySpan<T> parameters, int l)
    {
        var a = Layout.Network;
        int n = a.LayerOutputs(l), m = a.LayerInputs(l), w = a.WeightOffset(l);
        var weights = _weights[l];
        var v = parameters.Slice(w, n * m);
        int gain = l <= a.Depth ? Layout.GainOffset(l) : -1;
        if (gain < 0)
        {
            v.CopyTo(weights);
            return weights;
        }
        for (int j = 0; j < n; j++)
        {
            T sum = T.Zero;
            for (int i = 0; i < m; i++)
                sum += v[j * m + i] * v[j * m + i];
            T norm = T.Sqrt(sum);
            _norms[l][j] = norm;
            T factor = parameters[gain + j] / norm;
            for (int i = 0; i < m; i++)
                weights[j * m + i] = factor * v[j * m + i];
        }
        return weights;
    }

    private void EnsureCapacity(int batch)
    {
        if (batch <= _capacity)
            return;
        int capacity = Math.Max(batch, 2 * _capacity);
        var a = Layout.Network;
        for (int l = 1; l <= a.LayerCount; l++)
        {
            int n = a.LayerOutputs(l) * capacity;
            _outputs[l] = new T[n];
            _preActivations[l] = l <= a.Depth || a.OutputActivation ? new T[n] : [];
            if (l > a.Depth)
                continue;
            _activated[l] = new T[n];
            _normalized[l] = Layout.Layer(l).Normalization == HiddenNormalization.Batch ? new T[n] : [];
            _masks[l] = Layout.Layer(l).Dropout > 0 ? new T[n] : [];
        }
        _delta = new T[_maxRow * capacity];
        _nextDelta = new T[_maxRow * capacity];
        _capacity = capacity;
    }
}
