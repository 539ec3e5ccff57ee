using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ReluKernels.Cli.Info;

/// <summary>What this machine and runtime offer the kernels: runtime, OS, cores, vector widths and ISAs.</summary>
public sealed record MachineInfo(
    string Runtime,
    string OperatingSystem,
    Architecture ProcessArchitecture,
    int ProcessorCount,
    KernelPath BestKernelPath,
    bool Vector512Accelerated,
    bool Vector256Accelerated,
    bool Vector128Accelerated,
    bool AdvSimd,
    bool Avx512F,
    bool Avx2,
    bool Fma)
{
    /// <summary>Reads the current process's values (DOTNET_Enable* knobs are already applied by the runtime).</summary>
    public static MachineInfo Current() => new(
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        RuntimeInformation.ProcessArchitecture,
        Environment.ProcessorCount,
        KernelPaths.Best,
        Vector512.IsHardwareAccelerated,
        Vector256.IsHardwareAccelerated,
        Vector128.IsHardwareAccelerated,
        System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported,
        System.Runtime.Intrinsics.X86.Avx512F.IsSupported,
        System.Runtime.Intrinsics.X86.Avx2.IsSupported,
        System.Runtime.Intrinsics.X86.Fma.IsSupported);
}
