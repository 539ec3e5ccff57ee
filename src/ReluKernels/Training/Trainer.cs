using System.Numerics;
using ReluKernels.Training.Data;

namespace ReluKernels.Training;

/// <summary>
/// Trains one network at a time on a <see cref="Dataset{T}"/> with the kernel <typeparamref name="TKernel"/>: mini-batch
/// or full-batch gradient descent with any <see cref="IOptimizer{T}"/> (<see cref="FirstOrderSettings"/>), or full-batch
/// BFGS / L-BFGS (<see cref="QuasiNewtonSettings"/>, whose documentation says how its epochs count), epoch limits, early stopping on
/// a plateau, divergence detection and gradient-vanishing detection. Generic over the kernel struct, so the JIT compiles
/// the loop once per kernel type with direct calls into the generated shape.
/// </summary>
/// <remarks>
/// <para><b>Memory.</b> An instance owns every buffer a step needs (outputs, output gradients, the gathered mini-batch,
/// parameter gradients, the kernel's workspace, the sample order and the words that shuffle it) and the optimiser's state. Buffers are sized for the
/// largest data set seen so far and grow only when a larger one arrives (or pass a capacity to the constructor), so
/// <see cref="Step"/> and <see cref="Train"/> allocate nothing in steady state — except a quasi-Newton training, which runs
/// MathNet.Numerics' minimisers and allocates per iteration. An instance is not thread-safe; use one
/// per thread (<see cref="ParallelTraining"/> does).</para>
/// <para><b>A step</b> (one mini-batch): forward pass, loss and dL/dy (<see cref="Losses"/>), dL/dθ by the kernel's
/// backward pass, then the optimiser's update. If the mini-batch loss is NaN or infinite the update is skipped and the
/// training reports <see cref="TrainingStatus.Diverged"/>.</para>
/// </remarks>
/// <typeparam name="TKernel">The kernel: <see cref="GeneratedKernel{TNet, T}"/>, <see cref="GenericKernel{T}"/> or <see cref="Layers.LayeredKernel{T}"/>.</typeparam>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class Trainer<TKernel, T>
    where TKernel : struct, ITrainableNetwork<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly TKernel _kernel;
    private readonly IOptimizer<T>? _optimizer;
    private readonly int _hiddenParameters;
    private readonly int _parameterCount;
    private readonly T[] _gradients;
    private readonly T[] _workspace;
    private T[] _outputs = [];
    private T[] _outputGradients = [];
    private T[] _batchInputs = [];
    private T[] _batchTargets = [];
    private int[] _order = [];
    private uint[] _shuffleWords = [];

    /// <summary>Creates a trainer with buffers for data sets of up to <paramref name="capacity"/> samples.</summary>
    /// <param name="kernel">The network kernel (not shared with another thread).</param>
    /// <param name="options">Loss, optimiser, batching and stopping rules.</param>
    /// <param name="capacity">Samples to reserve room for; larger data sets grow the buffers once.</param>
    /// <exception cref="ArgumentException">The kernel is default-initialised, or a <see cref="TrainingOptions.Balance"/> mode or a <see cref="TrainingOptions.RedundancyWeight"/> is asked of a kernel or an optimiser it does not apply to.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative.</exception>
    public Trainer(TKernel kernel, TrainingOptions options, int capacity = 0)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        var a = kernel.Architecture;
        if (a.Width == 0)
            throw new ArgumentException("The kernel is default-initialised; construct it with its shape.", nameof(kernel));
        if (options.Balance != BalanceMode.None && !NeuronBalance.Supports(a))
            throw new ArgumentException($"Balance {options.Balance} needs a positively homogeneous activation (ReLU, leaky ReLU); {a} has {a.Activation}.", nameof(options));
        if (options.Balance != BalanceMode.None && kernel.ParameterCount != a.ParameterCount)
            throw new ArgumentException($"Balance {options.Balance} rescales plain neurons; the kernel ({kernel.Description}) has layers of its own.", nameof(options));
        if (options.Balance != BalanceMode.None && options.Optimizer is QuasiNewtonSettings)
            throw new ArgumentException($"Balance {options.Balance} acts on first-order steps; {options.Optimizer} minimises the loss in one call.", nameof(options));
        if (options.RedundancyWeight > 0 && kernel.ParameterCount != a.ParameterCount)
            throw new ArgumentException($"The redundancy penalty acts on plain neurons; the kernel ({kernel.Description}) has layers of its own.", nameof(options));
        if (options.RedundancyWeight > 0 && options.Optimizer is QuasiNewtonSettings)
            throw new ArgumentException($"The redundancy penalty acts on first-order steps; {options.Optimizer} minimises the loss in one call.", nameof(options));
        _kernel = kernel;
        Options = options;
        Architecture = a;
        _parameterCount = kernel.ParameterCount;
        _optimizer = options.Optimizer is FirstOrderSettings firstOrder ? firstOrder.Create<T>(_parameterCount) : null;
        _hiddenParameters = a.WeightOffset(a.LayerCount);
        _gradients = new T[_parameterCount];
        _workspace = new T[kernel.BackwardWorkspaceLength];
        EnsureCapacity(capacity);
    }

    /// <summary>The training settings.</summary>
    public TrainingOptions Options { get; }

    /// <summary>The shape being trained.</summary>
    public NetworkArchitecture Architecture { get; }

    /// <summary>Which kernel runs.</summary>
    public string KernelDescription => _kernel.Description;

    /// <summary>The gradient of the last <see cref="Step"/> (dL/dθ of the mean mini-batch loss), in the parameter layout.</summary>
    public ReadOnlySpan<T> LastGradient => _gradients;

    /// <summary>
    /// One training step on one mini-batch: forward, loss, backward, optimiser update (skipped when the loss is not
    /// finite). The optimiser's state carries over from earlier steps; <see cref="Train"/> resets it.
    /// </summary>
    /// <param name="parameters">The parameters, updated in place.</param>
    /// <param name="inputs">Feature-major inputs of the batch, <c>InputDim·batch</c> values.</param>
    /// <param name="targets">Feature-major targets of the batch, <c>OutputDim·batch</c> values.</param>
    /// <exception cref="ArgumentException">A span's length does not fit the shape.</exception>
    /// <exception cref="InvalidOperationException">The optimiser is quasi-Newton, which has no single-batch step (use <see cref="Train"/>).</exception>
    public StepResult Step(Span<T> parameters, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets)
    {
        var a = Architecture;
        int batch = KernelArguments.SampleBatch(parameters.Length, _parameterCount, inputs.Length, a.InputDim, targets.Length, a.OutputDim, nameof(targets));
        if (batch == 0)
            throw new ArgumentException("The batch is empty.", nameof(inputs));
        if (_optimizer is null)
            throw new InvalidOperationException($"{Options.Optimizer} minimises the full-batch loss and has no single step; use Train.");
        EnsureCapacity(batch);
        return StepCore(parameters, inputs, targets, batch, []);
    }

    /// <summary>
    /// Trains <paramref name="parameters"/> in place on <paramref name="data"/> from a fresh optimiser state, for at most
    /// <see cref="TrainingOptions.MaxEpochs"/> epochs. Never throws for numerical reasons: a NaN or infinite loss or
    /// parameter ends the training with <see cref="TrainingStatus.Diverged"/>.
    /// </summary>
    /// <remarks>
    /// <para><b>Epochs.</b> Full batch: one step on the whole set per epoch, in data-set order; <paramref name="shuffle"/> is
    /// not used. Mini-batch: each epoch draws a fresh permutation (<see cref="Shuffle.Permutation(Span{int}, ref CounterRng, Span{uint})"/>) from
    /// <paramref name="shuffle"/> and steps through it in batches of <see cref="TrainingOptions.BatchSize"/>, the last one
    /// possibly smaller; the samples of a batch are gathered into contiguous feature-major buffers.</para>
    /// <para><b>Epoch loss</b> (early stopping and the history): the sample-weighted mean of the epoch's mini-batch losses,
    /// each taken before its update (what PyTorch and Keras report). Full batch, it is the exact loss at the start of the
    /// epoch. <see cref="TrainingResult.FinalLoss"/> is instead the exact loss over the whole set after the last update.</para>
    /// <para><b>Gradient vanishing.</b> An epoch in which every mini-batch gave every hidden-layer parameter an exactly
    /// zero gradient is recorded (<see cref="TrainingResult.GradientVanishedEpoch"/>); it stops the training only when
    /// <see cref="TrainingOptions.StopWhenGradientVanishes"/> is set.</para>
    /// <para><b>Quasi-Newton</b> (<see cref="QuasiNewtonSettings"/>): full batch whatever the batch size, an epoch is one
    /// evaluation of loss and gradient, the history holds the lowest loss so far, and the minimiser's own tolerances replace
    /// <see cref="TrainingOptions.EarlyStopping"/> and <see cref="TrainingOptions.StopWhenGradientVanishes"/> (the vanishing
    /// epoch is still recorded).</para>
    /// </remarks>
    /// <param name="parameters">Initial parameters; receives the trained ones.</param>
    /// <param name="data">The training set; its dimensions must match the shape.</param>
    /// <param name="shuffle">The stream that orders the mini-batches.</param>
    /// <param name="history">Receives the epoch loss every <see cref="LossHistory.Interval"/> epochs (cleared first), or null.</param>
    /// <exception cref="ArgumentException">The data's dimensions or the parameter span do not fit the shape, or the history is too short for <see cref="TrainingOptions.MaxEpochs"/>.</exception>
    public TrainingResult Train(Span<T> parameters, Dataset<T> data, ref CounterRng shuffle, LossHistory? history = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckData(data);
        KernelArguments.RequireLength(parameters.Length, _parameterCount, nameof(parameters));
        if (history is not null && history.MaxEpochs < Options.MaxEpochs)
            throw new ArgumentException($"The history holds {history.MaxEpochs} epochs; training may run {Options.MaxEpochs}.", nameof(history));
        int n = data.Count;
        EnsureCapacity(n);
        int batch = Options.BatchSize == 0 ? n : Math.Min(Options.BatchSize, n);
        if (Options.Balance == BalanceMode.Projection)
            NeuronBalance.Project(Architecture, parameters);
        _kernel.BeginRun(shuffle.Seed, shuffle.StreamIndex);
        history?.Clear();
        if (_optimizer is null)
            return QuasiNewtonTraining.Run(this, (QuasiNewtonSettings)Options.Optimizer, parameters, data, history);
        _optimizer.Reset();

        var stopping = Options.EarlyStopping;
        double best = double.PositiveInfinity;
        int sinceBest = 0, vanishedEpoch = 0;
        var status = TrainingStatus.MaxEpochsReached;
        int epoch;
        for (epoch = 1; epoch <= Options.MaxEpochs; epoch++)
        {
            double sum = 0;
            bool vanished = true;
            if (batch == n)
            {
                var step = StepCore(parameters, data.Inputs, data.Targets, n, []);
                sum = step.Loss * n;
                vanished = step.HiddenGradientsZero;
            }
            else
            {
                Shuffle.Permutation(_order.AsSpan(0, n), ref shuffle, _shuffleWords);
                for (int start = 0; start < n && double.IsFinite(sum); start += batch)
                {
                    int b = Math.Min(batch, n - start);
                    Gather(data, start, b);
                    var step = StepCore(parameters, _batchInputs.AsSpan(0, Architecture.InputDim * b),
                        _batchTargets.AsSpan(0, Architecture.OutputDim * b), b, _order.AsSpan(start, b));
                    sum += step.Loss * b;
                    vanished &= step.HiddenGradientsZero;
                }
            }
            if (!double.IsFinite(sum))
            {
                status = TrainingStatus.Diverged;
                break;
            }
            double loss = sum / n;
            history?.Offer(epoch, loss);
            if (vanished && vanishedEpoch == 0)
            {
                vanishedEpoch = epoch;
                if (Options.StopWhenGradientVanishes)
                {
                    status = TrainingStatus.GradientVanished;
                    break;
                }
            }
            if (stopping is not null)
            {
                if (loss < best * (1 - stopping.RelativeTolerance))
                {
                    best = loss;
                    sinceBest = 0;
                }
                else if (++sinceBest >= stopping.Patience)
                {
                    status = TrainingStatus.Plateau;
                    break;
                }
            }
        }
        int epochs = Math.Min(epoch, Options.MaxEpochs);
        double finalLoss = Loss(parameters, data);
        if (!double.IsFinite(finalLoss) || !AllFinite(parameters))
            status = TrainingStatus.Diverged;
        return new TrainingResult(status, epochs, finalLoss, vanishedEpoch);
    }

    /// <summary>The loss (<see cref="TrainingOptions.Loss"/>) of <paramref name="parameters"/> over the whole of <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The data's dimensions or the parameter span do not fit the shape.</exception>
    public double Loss(ReadOnlySpan<T> parameters, Dataset<T> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckData(data);
        KernelArguments.RequireLength(parameters.Length, _parameterCount, nameof(parameters));
        EnsureCapacity(data.Count);
        var outputs = _outputs.AsSpan(0, Architecture.OutputDim * data.Count);
        _kernel.Forward(parameters, data.Inputs, outputs);
        return Losses.Value<T>(Options.Loss, outputs, data.Targets);
    }

    /// <summary>The loss over the whole of <paramref name="data"/> and its gradient, left in <see cref="LastGradient"/> (no update).</summary>
    /// <remarks>The kernel is in evaluation mode here: no dropout, batch normalisation with its running statistics.</remarks>
    internal StepResult Evaluate(ReadOnlySpan<T> parameters, Dataset<T> data)
    {
        EnsureCapacity(data.Count);
        return Gradient(parameters, data.Inputs, data.Targets, data.Count);
    }

    // samples: the data-set indices of the batch's samples, for the kernel's dropout masks; empty: 0..batch − 1.
    private StepResult StepCore(Span<T> parameters, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int batch, ReadOnlySpan<int> samples)
    {
        bool updated = false;
        _kernel.BeginTrainingStep(samples);
        try
        {
            var step = Gradient(parameters, inputs, targets, batch);
            if (double.IsFinite(step.Loss))
            {
                if (Options.Balance == BalanceMode.Penalty)
                    NeuronBalance.AddPenaltyGradient<T>(Architecture, parameters, Options.BalanceWeight, _gradients);
                if (Options.RedundancyWeight > 0)
                    NeuronRedundancy.AddPenaltyGradient<T>(Architecture, parameters, Options.RedundancyWeight, _gradients);
                _optimizer!.Step(parameters, _gradients);
                if (Options.Balance == BalanceMode.Projection)
                    NeuronBalance.Project(Architecture, parameters);
                updated = true;
            }
            return step;
        }
        finally
        {
            // Back to evaluation even when the kernel rejected the batch, so Loss() afterwards evaluates.
            _kernel.EndTrainingStep(parameters, updated);
        }
    }

    /// <summary>Forward, loss and backward on one batch: the loss, and dL/dθ in <see cref="_gradients"/> when the loss is finite.</summary>
    private StepResult Gradient(ReadOnlySpan<T> parameters, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int batch)
    {
        int outputs = Architecture.OutputDim * batch;
        var y = _outputs.AsSpan(0, outputs);
        var dy = _outputGradients.AsSpan(0, outputs);
        _kernel.Forward(parameters, inputs, y);
        double loss = Losses.ValueAndGradient<T>(Options.Loss, y, targets, dy);
        if (!double.IsFinite(loss))
            return new StepResult(loss, false);
        Array.Clear(_gradients);
        _kernel.Backward(parameters, inputs, dy, _gradients, _workspace);
        bool hiddenZero = AllZero(_gradients.AsSpan(0, _hiddenParameters));
        return new StepResult(loss, hiddenZero);
    }

    private void Gather(Dataset<T> data, int start, int batch)
    {
        int n = data.Count;
        var order = _order.AsSpan(start, batch);
        var inputs = data.Inputs;
        for (int k = 0; k < data.InputDim; k++)
        {
            var source = inputs.Slice(k * n, n);
            var target = _batchInputs.AsSpan(k * batch, batch);
            for (int s = 0; s < batch; s++)
                target[s] = source[order[s]];
        }
        var targets = data.Targets;
        for (int o = 0; o < data.OutputDim; o++)
        {
            var source = targets.Slice(o * n, n);
            var target = _batchTargets.AsSpan(o * batch, batch);
            for (int s = 0; s < batch; s++)
                target[s] = source[order[s]];
        }
    }

    private void CheckData(Dataset<T> data)
    {
        var a = Architecture;
        if (data.InputDim != a.InputDim || data.OutputDim != a.OutputDim)
            throw new ArgumentException(
                $"The data set has {data.InputDim}-D inputs and {data.OutputDim}-D targets; the network {a} needs {a.InputDim} and {a.OutputDim}.",
                nameof(data));
    }

    private void EnsureCapacity(int samples)
    {
        if (samples <= _order.Length)
            return;
        int capacity = Math.Max(samples, 2 * _order.Length);
        var a = Architecture;
        _outputs = new T[a.OutputDim * capacity];
        _outputGradients = new T[a.OutputDim * capacity];
        _batchInputs = new T[a.InputDim * capacity];
        _batchTargets = new T[a.OutputDim * capacity];
        _order = new int[capacity];
        _shuffleWords = new uint[capacity];
    }

    /// <summary>Whether every value is exactly ±0 (NaN is not).</summary>
    private static bool AllZero(ReadOnlySpan<T> values)
    {
        foreach (var v in values)
            if (v != T.Zero)
                return false;
        return true;
    }

    private static bool AllFinite(ReadOnlySpan<T> values)
    {
        foreach (var v in values)
            if (!T.IsFinite(v))
                return false;
        return true;
    }
}
