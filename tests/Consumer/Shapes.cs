using ReluKernels;

namespace Consumer;

// A multi-line attribute with named arguments: the generator must read it like any other.
[NetworkShape(
    width: 3,
    depth: 4,
    InputDim = 2,
    OutputDim = 2)]
internal partial struct MultiLineShape;

// Double precision, no biases: small enough to check Forward and Backward by hand.
[NetworkShape(2, 1, Bias = false, ElementType = ElementType.Double)]
internal partial struct DoubleShape;
