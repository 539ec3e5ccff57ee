namespace ReluKernels.Benchmarks;

// The shapes issue #2 names (width × depth, float, one input, one output, biases, affine output).
[NetworkShape(2, 10)] public partial struct Shape2x10;
[NetworkShape(4, 10)] public partial struct Shape4x10;
[NetworkShape(8, 10)] public partial struct Shape8x10;
[NetworkShape(16, 10)] public partial struct Shape16x10;
