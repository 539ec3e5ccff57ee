namespace ReluKernels.Tests.Kernels;

/// <summary>A generated shape under test, with checks that compare its kernels against <see cref="GenericNetwork{T}"/>.</summary>
public interface IKernelCase
{
    string Name { get; }

    NetworkArchitecture Architecture { get; }

    /// <summary>Asserts the sample-parallel forward pass on <paramref name="path"/> equals the generic kernel exactly.</summary>
    void CheckForward(int seed, int batch, KernelPath path);

    /// <summary>Asserts the network-parallel forward pass on <paramref name="path"/> equals the generic kernel exactly.</summary>
    void CheckForwardNetworks(int seed, int blocks, KernelPath path);

    /// <summary>Asserts backward on <paramref name="path"/> matches the generic kernel (parameter gradients to rounding, input gradients exactly).</summary>
    void CheckBackward(int seed, int batch, KernelPath path, bool inputGradients);

    /// <summary>Asserts backward matches central finite differences of the forward pass; returns how many parameters sat on a ReLU kink and were skipped.</summary>
    int CheckFiniteDifferences(int seed, int batch);

    /// <summary>Bytes allocated on this thread by <paramref name="calls"/> calls of each kernel (after a warm-up).</summary>
    long AllocatedBytes(int calls, KernelPath path);
}
