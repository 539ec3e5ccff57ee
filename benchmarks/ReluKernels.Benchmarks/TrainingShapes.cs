namespace ReluKernels.Benchmarks;

// The shapes issue #5 names for training throughput (float, one input, one output, biases, affine output): Lu et al.'s
// 2 × 9, its width-4 variant, and a wider 10 × 10.
[NetworkShape(2, 9)] public partial struct Shape2x9;
[NetworkShape(4, 9)] public partial struct Shape4x9;
[NetworkShape(10, 10)] public partial struct Shape10x10;
