namespace ReluKernels.Tests.Training;

// The smallest shape for hand-computed steps: 1 → [2] → 1, double, biases. (The other training tests reuse the kernel
// tests' shapes F2x10, D2x10 and F6x3In2, so the test project compiles only this one extra shape.)
[NetworkShape(2, 1, ElementType = ElementType.Double)] public partial struct Tiny2x1;
