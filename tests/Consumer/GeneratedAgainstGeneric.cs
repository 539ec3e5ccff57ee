using System.Numerics;
using ReluKernels;

namespace Consumer;

/// <summary>A generated kernel against <see cref="GenericNetwork{T}"/>, which the package documents as bit-identical.</summary>
internal static class GeneratedAgainstGeneric
{
    private const int Batch = 37; // not a multiple of any vector width, so the tail path runs too

    /// <summary>Returns null when Forward and Backward of <typeparamref name="TNet"/> on <paramref name="path"/> equal the generic kernel exactly.</summary>
    public static string? Compare<TNet, T>(KernelPath path, ulong seed)
        where TNet : IReluNetwork<TNet, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var architecture = TNet.Architecture;
        var generic = new GenericNetwork<T>(architecture);
        var rng = new CounterRng(seed, stream: 0);
        T[] parameters = Uniform(ref rng, TNet.ParameterCount);
        T[] inputs = Uniform(ref rng, architecture.InputDim * Batch);
        T[] outputGradients = Uniform(ref rng, architecture.OutputDim * Batch);

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
        if (FirstDifference(expectedGradient, actualGradient) is { } parameter)
            return $"Backward parameter gradient {parameter}";
        return FirstDifference(expectedInputGradient, actualInputGradient) is { } input ? $"Backward input gradient {input}" : null;
    }

    private static T[] Uniform<T>(ref CounterRng rng, int length) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new T[length];
        for (int i = 0; i < length; i++)
            values[i] = T.CreateChecked(2 * rng.NextDouble() - 1);
        return values;
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
