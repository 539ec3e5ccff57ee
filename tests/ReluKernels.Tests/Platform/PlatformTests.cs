using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace ReluKernels.Tests.Platform;

/// <summary>
/// Guards the reduced-ISA and Arm64 passes of <c>.ci/run</c>: each pass exports <c>RELUKERNELS_EXPECT_PATH</c>
/// (Vector256, Vector128 or Scalar) and these tests fail if the runtime picked a different path, so a knob
/// the runtime ignores cannot make a pass silently re-test the default path.
/// </summary>
[Trait("Category", "Kernel")]
public class PlatformTests
{
    private const string ExpectPathVariable = "RELUKERNELS_EXPECT_PATH";

    [Fact]
    public void BestPathMatchesExpectedPath()
    {
        string? expected = Environment.GetEnvironmentVariable(ExpectPathVariable);
        TestContext.Current.TestOutputHelper?.WriteLine($"{Describe()}; {ExpectPathVariable}={expected ?? "<unset>"}");
        Assert.SkipWhen(string.IsNullOrEmpty(expected), $"{ExpectPathVariable} is not set; nothing to check.");

        Assert.True(KernelPaths.Best.ToString() == expected,
            $"Expected kernel path {expected} but the runtime chose {KernelPaths.Best} ({Describe()}).");
    }

    [Fact]
    public void BestPathIsTheWidestSupportedPath()
    {
        Assert.Equal(KernelPaths.Best, KernelPaths.Supported[0]);
        Assert.Equal(KernelPaths.Best, KernelPaths.Resolve(KernelPath.Auto));
        Assert.Equal(KernelPath.Scalar, KernelPaths.Supported[^1]);
    }

    [Fact]
    public void Arm64VectorPathIsAdvSimd()
    {
        Assert.SkipUnless(RuntimeInformation.ProcessArchitecture == Architecture.Arm64, "Not running on Arm64.");
        // On Arm64, Vector128 acceleration is AdvSimd (NEON); there is no wider accelerated vector.
        Assert.Equal(AdvSimd.IsSupported, Vector128.IsHardwareAccelerated);
        Assert.False(Vector256.IsHardwareAccelerated);
    }

    private static string Describe() =>
        $"{RuntimeInformation.FrameworkDescription} {RuntimeInformation.ProcessArchitecture}: best={KernelPaths.Best} " +
        $"V512={Vector512.IsHardwareAccelerated} V256={Vector256.IsHardwareAccelerated} V128={Vector128.IsHardwareAccelerated} " +
        $"Avx512F={Avx512F.IsSupported} Avx2={Avx2.IsSupported} AdvSimd={AdvSimd.IsSupported}";
}
