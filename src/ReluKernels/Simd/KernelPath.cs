namespace ReluKernels;

/// <summary>Which instruction-set path a generated kernel runs.</summary>
public enum KernelPath
{
    /// <summary>The widest path the hardware accelerates, chosen at run time.</summary>
    Auto = 0,

    /// <summary>512-bit vectors (AVX-512).</summary>
    Vector512 = 1,

    /// <summary>256-bit vectors (AVX2).</summary>
    Vector256 = 2,

    /// <summary>128-bit vectors (SSE/AVX on x86, AdvSimd/NEON on Arm64).</summary>
    Vector128 = 3,

    /// <summary>Plain scalar code.</summary>
    Scalar = 4,
}
