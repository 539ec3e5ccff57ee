namespace ReluKernels.Tests.Kernels;

/// <summary>The generated backward pass (double shapes) against central finite differences of the generated forward pass.</summary>
public class GradientCheckTests
{
    public static TheoryData<string> DoubleShapes => [.. TestShapeCases.DoubleCases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(DoubleShapes))]
    public void Backward_matches_central_finite_differences(string shape)
    {
        var c = KernelEquivalenceTests.Case(shape);
        int skipped = 0, checkedParameters = 0;
        for (int seed = 1; seed <= 3; seed++)
        {
            skipped += c.CheckFiniteDifferences(seed, batch: 5);
            checkedParameters += Math.Min(80, c.Architecture.ParameterCount);
        }
        // Kinks are rare for random parameters; skipping many would mean the check tests nothing.
        Assert.True(skipped <= checkedParameters / 10, $"{skipped} of {checkedParameters} parameters sat on a ReLU kink");
    }
}
