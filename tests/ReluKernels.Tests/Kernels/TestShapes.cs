namespace ReluKernels.Tests.Kernels;

[NetworkShape(2, 3)]
public partial struct Narrow2x3;

[NetworkShape(40, 2, InputDim = 2, OutputDim = 2)]
public partial struct Wide40x2;
