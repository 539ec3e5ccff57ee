using System.Numerics;
using ReluKernels;

namespace Consumer;

/// <summary>
/// A generated kernel against <see cref="GenericNetwork{T}"/>. Forward outputs and input gradients are documented as
/// bit-identical on every path; parameter gradients are batch sums that SIMD paths accumulate per lane, so they agree
/// to rounding only.
/// </summary>
internal static class GeneratedAgainstGeneric
{
    private const int Batch = 37; // not a multiple of any vector width, so the tail path runs too

    /// <summary>
    /// Float parameter gradients: max |generated − generic| ≤ this × max |generic|. Reordering a sum of n = 37 terms
    /// moves it by at most about n·ε·Σ|terms| ≈ 2e-6·Σ|terms| (ε = 6e-8); 1e-4 leaves room for Σ|terms| exceeding
    /// max |gradient| 50-fold through cancellation, while a wrong gradient term is off by O(1).
    /// </summary>
    private const double FloatGradientTolerance = 1e-4;

    /// <summary>Returns null when Forward and Backward of <typeparamref name="TNet"/> on <paramref name="path"/> agree with the generic kernel.</summary>
    public static string? Compare<TNet, T>(KernelPath path, ulong seed)
        where TNet : IReluNetwork<TNet, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var architecture = TNet.Architecture;
        var generic = new GenericNetwork<T>(architecture);
        var rng = new CounterRng(seed, stream: 0);
        T[] parameters = Uniform<T>(ref rng, TNet.ParameterCount);
        T[] inputs = Uniform<T>(ref rng, architecture.InputDim * Batch);
        T[] outputGradients = Uniform<T>(ref rng, architecture.OutputDim * Batch);

        var expected = new T[architecture.OutputDim * Batch];
        var actual = new T[expected.Length];
        generic.Forward(parameters, inputs, expected);
        TNet.Forward(parameters, inputs, actual, path);
        if (FirstDifference(expected, actual) is { } forward)
            return $"Forward output {forward}";

        var expectedGradient = new T[TNet.ParameterCount];
        var actualGradient = new T[TNet.ParameterCount];
        var expectedInputGradient = new T[inputs.Length];
        var actualInputGradient = new T[inputs.Length];
        generic.Backward(parameters, inputs, outputGradients, expectedGradient, expectedInputGradient);
        TNet.Backward(parameters, inputs, outputGradients, actualGradient, actualInputGradient,
            new T[TNet.BackwardWorkspaceLength], path);
        if (LargestRelativeDifference(expectedGradient, actualGradient) is var (index, relative) && relative > FloatGradientTolerance)
            return $"Backward parameter gradient [{index}] is {actualGradient[index]}, the generic kernel gives {expectedGradient[index]} (relative {relative:G3})";
        return FirstDifference(expectedInputGradient, actualInputGradient) is { } input ? $"Backward input gradient {input}" : null;
    }

    private static T[] Uniform<T>(ref CounterRng rng, int length) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new T[length];
        for (int i = 0; i < length; i++)
            values[i] = T.CreateChecked(2 * rng.NextDouble() - 1);
        return values;
    }

    private static (int Index, double Relative) LargestRelativeDifference<T>(T[] expected, T[] actual)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double scale = 0;
        foreach (var value in expected)
            scale = Math.Max(scale, Math.Abs(double.CreateChecked(value)));
        var (index, largest) = (0, 0.0);
        for (int i = 0; i < expected.Length; i++)
        {
            double difference = Math.Abs(double.CreateChecked(actual[i]) - double.CreateChecked(expected[i]));
            if (!(difference <= largest))
                (index, largest) = (i, difference); // NaN lands here too, and stays the largest
        }
        return (index, scale == 0 ? largest : largest / scale);
    }

    private static string? FirstDifference<T>(T[] expected, T[] actual) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < expected.Length; i++)
        {
            if (!expected[i].Equals(actual[i]))
                return $"[{i}] is {actual[i]}, the generic kernel gives {expected[i]}";
        }
        return null;
    }
}
