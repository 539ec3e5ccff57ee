namespace ReluKernels.Tests;

public class PlaceholderTests
{
    [Fact]
    public void ArchitectureCountsParameters() => Assert.Equal(2 * 1 + 2 + 9 * (2 * 2 + 2) + 2 + 1, new NetworkArchitecture(2, 10).ParameterCount);
}
