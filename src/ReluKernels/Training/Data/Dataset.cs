using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using ReluKernels.Analysis;

namespace ReluKernels.Training.Data;

/// <summary>
/// A validated, immutable set of (input, target) pairs in the sample-parallel layout the kernels use: feature-major inputs
/// (feature k of sample s at <c>k·Count + s</c>) and feature-major targets (output o of sample s at <c>o·Count + s</c>).
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class Dataset<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _inputs;
    private readonly T[] _targets;

    /// <summary>Copies and validates a data set.</summary>
    /// <param name="inputDim">Features per sample, 1..<see cref="ShapeLimits.MaxDim"/>.</param>
    /// <param name="outputDim">Targets per sample, 1..<see cref="ShapeLimits.MaxDim"/>.</param>
    /// <param name="inputs">Feature-major inputs, <c>inputDim·count</c> values.</param>
    /// <param name="targets">Feature-major targets, <c>outputDim·count</c> values.</param>
    /// <param name="description">Where the data came from (domain, sampling, stream), for reports.</param>
    /// <exception cref="ArgumentException">
    /// The set is empty, a length does not fit the dimensions (inputs not a multiple of <paramref name="inputDim"/>,
    /// targets not <paramref name="outputDim"/> per sample), or an input or target is NaN or infinite; the message says which.
    /// </exception>
    public Dataset(int inputDim, int outputDim, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, string description)
    {
        CheckDim(inputDim, nameof(inputDim));
        CheckDim(outputDim, nameof(outputDim));
        ArgumentNullException.ThrowIfNull(description);
        if (inputs.IsEmpty)
            throw new ArgumentException("The data set is empty: at least one sample is needed.", nameof(inputs));
        if (inputs.Length % inputDim != 0)
            throw new ArgumentException(
                $"inputs has length {inputs.Length}, which is not a multiple of InputDim = {inputDim} (feature-major, InputDim × count).", nameof(inputs));
        int count = inputs.Length / inputDim;
        if (targets.Length != (long)outputDim * count)
            throw new ArgumentException(
                $"targets has length {targets.Length}; {count} samples of OutputDim = {outputDim} need {(long)outputDim * count} (feature-major).", nameof(targets));
        CheckFinite(inputs, count, "inputs", "feature");
        CheckFinite(targets, count, "targets", "output");
        InputDim = inputDim;
        OutputDim = outputDim;
        Count = count;
        _inputs = inputs.ToArray();
        _targets = targets.ToArray();
        Description = description;
    }

    /// <summary>Features per sample.</summary>
    public int InputDim { get; }

    /// <summary>Targets per sample.</summary>
    public int OutputDim { get; }

    /// <summary>Number of samples (at least 1).</summary>
    public int Count { get; }

    /// <summary>Feature-major inputs: feature k of sample s at <c>k·Count + s</c>.</summary>
    public ReadOnlySpan<T> Inputs => _inputs;

    /// <summary>Feature-major targets: output o of sample s at <c>o·Count + s</c>.</summary>
    public ReadOnlySpan<T> Targets => _targets;

    /// <summary>Where the data came from, e.g. "600 points uniform on the cube [-1.732, 1.732]^1 (CounterRng seed 1, …)".</summary>
    public string Description { get; }

    /// <summary>The targets of output <paramref name="output"/>, one per sample.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="output"/> is not in 0..OutputDim − 1.</exception>
    public ReadOnlySpan<T> TargetsOf(int output)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(output);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(output, OutputDim);
        return _targets.AsSpan(output * Count, Count);
    }

    /// <summary>The inputs of feature <paramref name="feature"/>, one per sample.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="feature"/> is not in 0..InputDim − 1.</exception>
    public ReadOnlySpan<T> InputsOf(int feature)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(feature);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(feature, InputDim);
        return _inputs.AsSpan(feature * Count, Count);
    }

    /// <summary>The same data in another precision (rounded to nearest).</summary>
    /// <exception cref="ArgumentException">A value overflows <typeparamref name="TOther"/>.</exception>
    public Dataset<TOther> Convert<TOther>() where TOther : unmanaged, IFloatingPointIeee754<TOther>
    {
        var inputs = new TOther[_inputs.Length];
        var targets = new TOther[_targets.Length];
        for (int i = 0; i < inputs.Length; i++)
            inputs[i] = TOther.CreateTruncating(_inputs[i]);
        for (int i = 0; i < targets.Length; i++)
            targets[i] = TOther.CreateTruncating(_targets[i]);
        return new Dataset<TOther>(InputDim, OutputDim, inputs, targets, Description);
    }

    /// <summary>The target function <paramref name="target"/> at the points of <paramref name="points"/> (evaluated in double, then rounded to <typeparamref name="T"/>).</summary>
    /// <exception cref="ArgumentException">The dimensions differ, or the function is not finite at some point.</exception>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types",
        Justification = "A factory: Dataset<float>.Sample(...) names the element type where a non-generic helper could not infer it.")]
    public static Dataset<T> Sample(TargetFunction target, PointSet points)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(points);
        if (points.InputDim != target.InputDim)
            throw new ArgumentException($"{target.Name} takes {target.InputDim}-D inputs, but the points are {points.InputDim}-D.", nameof(points));
        int n = points.Count, d = target.InputDim, m = target.OutputDim;
        var inputs = new T[d * n];
        var targets = new T[m * n];
        Span<double> x = stackalloc double[d];
        Span<double> y = stackalloc double[m];
        var coordinates = points.Coordinates;
        for (int s = 0; s < n; s++)
        {
            for (int k = 0; k < d; k++)
            {
                x[k] = coordinates[k * n + s];
                inputs[k * n + s] = T.CreateTruncating(x[k]);
            }
            target.Evaluate(x, y);
            for (int o = 0; o < m; o++)
                targets[o * n + s] = T.CreateTruncating(y[o]);
        }
        return new Dataset<T>(d, m, inputs, targets, $"{target.Name} at {points.Description}");
    }

    /// <inheritdoc/>
    public override string ToString() => Description;

    private static void CheckDim(int value, string name)
    {
        if (value < ShapeLimits.MinDim || value > ShapeLimits.MaxDim)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in {ShapeLimits.MinDim}..{ShapeLimits.MaxDim}.");
    }

    private static void CheckFinite(ReadOnlySpan<T> values, int count, string name, string component)
    {
        for (int i = 0; i < values.Length; i++)
            if (!T.IsFinite(values[i]))
                throw new ArgumentException(
                    $"{name}[{i}] ({component} {i / count} of sample {i % count}) is {values[i]}; data must be finite.", name);
    }
}
