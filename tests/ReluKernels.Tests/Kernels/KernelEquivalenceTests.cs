namespace ReluKernels.Tests.Kernels;

/// <summary>
/// Every generated path of every test shape against the generic kernel. Batch sizes cover every remainder modulo the
/// widest vector (so each vector path hands a different tail to the scalar path) plus multi-vector batches.
/// </summary>
[Trait("Category", "Kernel")]
public class KernelEquivalenceTests
{
    public static TheoryData<string, KernelPath> ShapesAndPaths(IKernelCase[] cases)
    {
        var data = new TheoryData<string, KernelPath>();
        foreach (var c in cases)
            foreach (var path in KernelPaths.Supported)
                data.Add(c.Name, path);
        return data;
    }

    public static TheoryData<string, KernelPath> AllShapesAndPaths => ShapesAndPaths(TestShapeCases.All);

    internal static IKernelCase Case(string name) => TestShapeCases.All.Single(c => c.Name == name);

    private static readonly int[] Batches = [.. Enumerable.Range(0, 34), 47, 64, 70];

    [Theory]
    [MemberData(nameof(AllShapesAndPaths))]
    public void Forward_equals_the_generic_kernel(string shape, KernelPath path)
    {
        foreach (int batch in Batches)
            Case(shape).CheckForward(seed: 1000 + batch, batch, path);
    }

    [Theory]
    [MemberData(nameof(AllShapesAndPaths))]
    public void ForwardNetworks_equals_the_generic_kernel(string shape, KernelPath path)
    {
        for (int blocks = 0; blocks <= 3; blocks++)
            Case(shape).CheckForwardNetworks(seed: 2000 + blocks, blocks, path);
    }

    [Theory]
    [MemberData(nameof(AllShapesAndPaths))]
    public void Backward_matches_the_generic_kernel(string shape, KernelPath path)
    {
        foreach (int batch in Batches.Where(b => b <= 20 || b >= 33))
            Case(shape).CheckBackward(seed: 3000 + batch, batch, path, inputGradients: batch % 2 == 0);
    }

    [Theory]
    [MemberData(nameof(AllShapesAndPaths))]
    public void Hot_paths_allocate_nothing(string shape, KernelPath path) =>
        Assert.Equal(0, Case(shape).AllocatedBytes(calls: 200, path));
}
