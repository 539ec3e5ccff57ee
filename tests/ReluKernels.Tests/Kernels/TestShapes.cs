namespace ReluKernels.Tests.Kernels;

// Shapes the kernel tests run, chosen to cross every boundary the emitter cares about. SIMD lanes hold samples or
// networks, never neurons, so lane boundaries are exercised by the batch sizes and block counts of the tests, not by
// the widths here; width matters at the unroll limit (32 is the widest unrolled shape; 33 and 40 use looped kernels)
// and for register pressure (16, 17, 32). Also: depth 1 (no hidden loop), 2, 3, deep (40); input and output
// dimensions 1..4; bias and output activation on and off; float and double. Each unrolled shape costs compile time
// in proportion to width², so the wide unrolled ones are few. The activations other than ReLU get a few small shapes
// each in float and double (one looped), with non-default parameters where they take one.

[NetworkShape(1, 1)] public partial struct F1x1;
[NetworkShape(2, 10)] public partial struct F2x10;
[NetworkShape(3, 7, InputDim = 2, OutputDim = 3, Bias = false)] public partial struct F3x7In2Out3NoBias;
[NetworkShape(4, 10)] public partial struct F4x10;
[NetworkShape(5, 2, InputDim = 4, OutputActivation = true)] public partial struct F5x2In4OutAct;
[NetworkShape(7, 13, Bias = false, OutputActivation = true)] public partial struct F7x13NoBiasOutAct;
[NetworkShape(8, 10)] public partial struct F8x10;
[NetworkShape(9, 3, InputDim = 3, OutputDim = 2)] public partial struct F9x3In3Out2;
[NetworkShape(15, 5)] public partial struct F15x5;
[NetworkShape(16, 10)] public partial struct F16x10;
[NetworkShape(17, 4, OutputDim = 4, Bias = false)] public partial struct F17x4Out4NoBias;
[NetworkShape(12, 2, OutputActivation = true)] public partial struct F12x2OutAct;
[NetworkShape(6, 3, InputDim = 2)] public partial struct F6x3In2;
[NetworkShape(32, 2)] public partial struct F32x2;
[NetworkShape(33, 3, InputDim = 2, OutputDim = 2)] public partial struct F33x3In2Out2;
[NetworkShape(40, 2, InputDim = 2, OutputDim = 2, Bias = false, OutputActivation = true)] public partial struct F40x2NoBiasOutAct;
[NetworkShape(2, 40)] public partial struct F2x40;
[NetworkShape(3, 40, Bias = false, OutputActivation = true)] public partial struct F3x40NoBiasOutAct;
[NetworkShape(1, 25, InputDim = 4, OutputDim = 4)] public partial struct F1x25In4Out4;

[NetworkShape(4, 6, Activation = Activation.LeakyReLU, ActivationParameter = 0.1)] public partial struct F4x6Leaky;
[NetworkShape(5, 4, InputDim = 2, OutputActivation = true, Activation = Activation.ELU)] public partial struct F5x4In2EluOutAct;
[NetworkShape(3, 8, Activation = Activation.SELU)] public partial struct F3x8Selu;
[NetworkShape(6, 3, OutputActivation = true, Activation = Activation.NormalizedReLU)] public partial struct F6x3NormalizedReluOutAct;
[NetworkShape(4, 5, Activation = Activation.NormReLU)] public partial struct F4x5NormRelu;
[NetworkShape(33, 2, Bias = false, Activation = Activation.SELU)] public partial struct F33x2SeluNoBias;
[NetworkShape(4, 6, Activation = Activation.NormalizedTanh)] public partial struct F4x6NormalizedTanh;
[NetworkShape(5, 3, InputDim = 2, OutputActivation = true, Activation = Activation.NormalizedErf)] public partial struct F5x3In2NormalizedErfOutAct;
[NetworkShape(33, 2, Bias = false, Activation = Activation.NormalizedErf)] public partial struct F33x2NormalizedErfNoBias;

[NetworkShape(1, 1, ElementType = ElementType.Double)] public partial struct D1x1;
[NetworkShape(2, 10, ElementType = ElementType.Double)] public partial struct D2x10;
[NetworkShape(3, 5, InputDim = 2, OutputDim = 2, Bias = false, OutputActivation = true, ElementType = ElementType.Double)] public partial struct D3x5In2Out2NoBiasOutAct;
[NetworkShape(8, 3, InputDim = 3, ElementType = ElementType.Double)] public partial struct D8x3In3;
[NetworkShape(9, 4, ElementType = ElementType.Double)] public partial struct D9x4;
[NetworkShape(16, 4, OutputDim = 2, ElementType = ElementType.Double)] public partial struct D16x4Out2;
[NetworkShape(33, 2, InputDim = 2, OutputDim = 3, OutputActivation = true, ElementType = ElementType.Double)] public partial struct D33x2In2Out3OutAct;
[NetworkShape(5, 40, ElementType = ElementType.Double)] public partial struct D5x40;
[NetworkShape(4, 6, Activation = Activation.LeakyReLU, ActivationParameter = 0.2, ElementType = ElementType.Double)] public partial struct D4x6Leaky;
[NetworkShape(5, 4, OutputActivation = true, Activation = Activation.ELU, ActivationParameter = 0.5, ElementType = ElementType.Double)] public partial struct D5x4EluOutAct;
[NetworkShape(3, 8, InputDim = 2, Activation = Activation.SELU, ElementType = ElementType.Double)] public partial struct D3x8In2Selu;
[NetworkShape(6, 3, Activation = Activation.NormalizedReLU, ElementType = ElementType.Double)] public partial struct D6x3NormalizedRelu;
[NetworkShape(4, 5, OutputDim = 2, Activation = Activation.NormReLU, ActivationParameter = 0.3, ElementType = ElementType.Double)] public partial struct D4x5Out2NormRelu;
[NetworkShape(3, 8, OutputActivation = true, Activation = Activation.NormalizedTanh, ElementType = ElementType.Double)] public partial struct D3x8NormalizedTanhOutAct;
[NetworkShape(33, 2, OutputDim = 2, Activation = Activation.NormalizedTanh, ElementType = ElementType.Double)] public partial struct D33x2Out2NormalizedTanh;
[NetworkShape(4, 5, OutputDim = 2, OutputActivation = true, Activation = Activation.NormalizedErf, ElementType = ElementType.Double)] public partial struct D4x5Out2NormalizedErfOutAct;
[NetworkShape(33, 3, Activation = Activation.NormalizedErf, ElementType = ElementType.Double)] public partial struct D33x3NormalizedErf;

/// <summary>Every test shape, as a non-generic handle the tests can enumerate.</summary>
public static class TestShapeCases
{
    public static readonly IKernelCase[] FloatCases =
    [
        new KernelCase<F1x1, float>(), new KernelCase<F2x10, float>(), new KernelCase<F3x7In2Out3NoBias, float>(),
        new KernelCase<F4x10, float>(), new KernelCase<F5x2In4OutAct, float>(), new KernelCase<F7x13NoBiasOutAct, float>(),
        new KernelCase<F8x10, float>(), new KernelCase<F9x3In3Out2, float>(), new KernelCase<F15x5, float>(),
        new KernelCase<F16x10, float>(), new KernelCase<F17x4Out4NoBias, float>(), new KernelCase<F12x2OutAct, float>(),
        new KernelCase<F6x3In2, float>(), new KernelCase<F32x2, float>(), new KernelCase<F33x3In2Out2, float>(),
        new KernelCase<F40x2NoBiasOutAct, float>(), new KernelCase<F2x40, float>(), new KernelCase<F3x40NoBiasOutAct, float>(),
        new KernelCase<F1x25In4Out4, float>(),
        new KernelCase<F4x6Leaky, float>(), new KernelCase<F5x4In2EluOutAct, float>(), new KernelCase<F3x8Selu, float>(),
        new KernelCase<F6x3NormalizedReluOutAct, float>(), new KernelCase<F4x5NormRelu, float>(), new KernelCase<F33x2SeluNoBias, float>(),
        new KernelCase<F4x6NormalizedTanh, float>(), new KernelCase<F5x3In2NormalizedErfOutAct, float>(),
        new KernelCase<F33x2NormalizedErfNoBias, float>(),
    ];

    public static readonly IKernelCase[] DoubleCases =
    [
        new KernelCase<D1x1, double>(), new KernelCase<D2x10, double>(), new KernelCase<D3x5In2Out2NoBiasOutAct, double>(),
        new KernelCase<D8x3In3, double>(), new KernelCase<D9x4, double>(), new KernelCase<D16x4Out2, double>(),
        new KernelCase<D33x2In2Out3OutAct, double>(), new KernelCase<D5x40, double>(),
        new KernelCase<D4x6Leaky, double>(), new KernelCase<D5x4EluOutAct, double>(), new KernelCase<D3x8In2Selu, double>(),
        new KernelCase<D6x3NormalizedRelu, double>(), new KernelCase<D4x5Out2NormRelu, double>(),
        new KernelCase<D3x8NormalizedTanhOutAct, double>(), new KernelCase<D33x2Out2NormalizedTanh, double>(),
        new KernelCase<D4x5Out2NormalizedErfOutAct, double>(), new KernelCase<D33x3NormalizedErf, double>(),
    ];

    public static readonly IKernelCase[] All = [.. FloatCases, .. DoubleCases];
}
