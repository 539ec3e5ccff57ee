using System.Runtime.Intrinsics;

namespace ReluKernels;

/// <summary>Resolves <see cref="KernelPath.Auto"/> and checks forced paths; generated kernels call it once per call.</summary>
public static class KernelPaths
{
    /// <summary>The widest accelerated path on this machine and runtime configuration.</summary>
    public static KernelPath Best { get; } =
        Vector512.IsHardwareAccelerated ? KernelPath.Vector512 :
        Vector256.IsHardwareAccelerated ? KernelPath.Vector256 :
        Vector128.IsHardwareAccelerated ? KernelPath.Vector128 :
        KernelPath.Scalar;

    /// <summary>Whether <paramref name="path"/> can run here (<see cref="KernelPath.Scalar"/> always can).</summary>
    public static bool IsSupported(KernelPath path) => path switch
    {
        KernelPath.Auto or KernelPath.Scalar => true,
        KernelPath.Vector512 => Vector512.IsHardwareAccelerated,
        KernelPath.Vector256 => Vector256.IsHardwareAccelerated,
        KernelPath.Vector128 => Vector128.IsHardwareAccelerated,
        _ => false,
    };

    /// <summary>The paths that can run here, widest first, always ending with <see cref="KernelPath.Scalar"/>.</summary>
    public static IReadOnlyList<KernelPath> Supported { get; } =
        new[] { KernelPath.Vector512, KernelPath.Vector256, KernelPath.Vector128, KernelPath.Scalar }.Where(IsSupported).ToArray();

    /// <summary>Maps <see cref="KernelPath.Auto"/> to <see cref="Best"/>; throws for a path that cannot run here.</summary>
    /// <exception cref="NotSupportedException">The path is not hardware-accelerated on this machine.</exception>
    public static KernelPath Resolve(KernelPath path)
    {
        if (path == KernelPath.Auto)
            return Best;
        if (!IsSupported(path))
            throw new NotSupportedException($"Kernel path {path} is not hardware-accelerated here (best: {Best}).");
        return path;
    }
}
