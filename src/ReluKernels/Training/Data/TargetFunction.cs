namespace ReluKernels.Training.Data;

/// <summary>Evaluates a target function at one point: <paramref name="x"/> has InputDim values, <paramref name="y"/> receives OutputDim.</summary>
public delegate void PointFunction(ReadOnlySpan<double> x, Span<double> y);

/// <summary>A function to learn, y = f(x) with x ∈ R^InputDim and y ∈ R^OutputDim, evaluated in double.</summary>
public sealed class TargetFunction
{
    private readonly PointFunction _evaluate;

    /// <summary>Wraps <paramref name="evaluate"/>.</summary>
    /// <param name="name">A short name, e.g. "x·sin(5x)".</param>
    /// <param name="inputDim">Input dimension, 1..<see cref="ShapeLimits.MaxDim"/>.</param>
    /// <param name="outputDim">Output dimension, 1..<see cref="ShapeLimits.MaxDim"/>.</param>
    /// <param name="evaluate">The function.</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is out of range.</exception>
    public TargetFunction(string name, int inputDim, int outputDim, PointFunction evaluate)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(evaluate);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputDim, ShapeLimits.MinDim);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(inputDim, ShapeLimits.MaxDim);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputDim, ShapeLimits.MinDim);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(outputDim, ShapeLimits.MaxDim);
        Name = name;
        InputDim = inputDim;
        OutputDim = outputDim;
        _evaluate = evaluate;
    }

    /// <summary>The function's formula as text.</summary>
    public string Name { get; }

    /// <summary>Input dimension.</summary>
    public int InputDim { get; }

    /// <summary>Output dimension.</summary>
    public int OutputDim { get; }

    /// <summary>y = f(x).</summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void Evaluate(ReadOnlySpan<double> x, Span<double> y)
    {
        KernelArguments.RequireLength(x.Length, InputDim, nameof(x));
        KernelArguments.RequireLength(y.Length, OutputDim, nameof(y));
        _evaluate(x, y);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
