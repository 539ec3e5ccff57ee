namespace ReluKernels.Generators.Emit;

/// <summary>
/// Every type the emitted code names, spelled from <c>global::</c>. The generated file re-opens a user's type inside the
/// user's namespace, where any type of theirs called <c>Unsafe</c>, <c>Span</c>, <c>KernelPath</c>, <c>System</c> … would
/// otherwise win over a <c>using</c> directive; so the file has no <c>using</c> directives at all.
/// </summary>
internal static class Names
{
    public const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";
    public const string MemoryMarshal = "global::System.Runtime.InteropServices.MemoryMarshal";
    public const string Span = "global::System.Span";
    public const string ReadOnlySpan = "global::System.ReadOnlySpan";
    public const string Intrinsics = "global::System.Runtime.Intrinsics";
    public const string KernelPath = "global::ReluKernels.KernelPath";
    public const string KernelPaths = "global::ReluKernels.KernelPaths";
    public const string KernelArguments = "global::ReluKernels.KernelArguments";
    public const string NetworkInterface = "global::ReluKernels.IReluNetwork";
    public const string NetworkArchitecture = "global::ReluKernels.NetworkArchitecture";
    public const string Activation = "global::ReluKernels.Activation";
    public const string KernelMath = "global::ReluKernels.KernelMath";
}
