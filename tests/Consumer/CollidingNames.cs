using ReluKernels;

// A namespace whose own types share names with what the generated code uses (System.Runtime.CompilerServices.Unsafe,
// System.Runtime.Intrinsics.Vector512, System.Runtime.InteropServices.MemoryMarshal, ReluKernels.KernelPath): the
// generated code must name those with global:: so that these do not capture them.
namespace Consumer.CollidingNames;

internal static class Unsafe;

internal static class Vector512;

internal static class MemoryMarshal;

internal enum KernelPath { Elsewhere }

[NetworkShape(4, 3)]
internal partial struct ShapeAmongCollidingNames;
