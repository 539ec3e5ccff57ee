using ReluKernels.Training;

namespace ReluKernels.Experiments.Training;

/// <summary>Picks the kernel of a shape: the generated one when <c>TrainingShapes.cs</c> declares it, else the generic kernel.</summary>
internal static class TrainingKernels
{
    /// <summary>Runs <paramref name="job"/> on the kernel for <paramref name="architecture"/> (widest accelerated ISA path).</summary>
    public static TResult Run<TResult>(NetworkArchitecture architecture, ITrainingJob<TResult> job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return architecture switch
        {
            _ when architecture == Narrow2x9.Architecture => job.Run(new GeneratedKernel<Narrow2x9, float>(KernelPath.Auto)),
            _ when architecture == Narrow4x9In2Out2.Architecture => job.Run(new GeneratedKernel<Narrow4x9In2Out2, float>(KernelPath.Auto)),
            _ when architecture == Shallow2.Architecture => job.Run(new GeneratedKernel<Shallow2, float>(KernelPath.Auto)),
            _ when architecture == Shallow3.Architecture => job.Run(new GeneratedKernel<Shallow3, float>(KernelPath.Auto)),
            _ when architecture == Shallow4.Architecture => job.Run(new GeneratedKernel<Shallow4, float>(KernelPath.Auto)),
            _ when architecture == Shallow5.Architecture => job.Run(new GeneratedKernel<Shallow5, float>(KernelPath.Auto)),
            _ when architecture == Shallow6.Architecture => job.Run(new GeneratedKernel<Shallow6, float>(KernelPath.Auto)),
            _ when architecture == Shallow8.Architecture => job.Run(new GeneratedKernel<Shallow8, float>(KernelPath.Auto)),
            _ when architecture == Shallow10.Architecture => job.Run(new GeneratedKernel<Shallow10, float>(KernelPath.Auto)),
            _ when architecture == Shallow12.Architecture => job.Run(new GeneratedKernel<Shallow12, float>(KernelPath.Auto)),
            _ when architecture == Shallow16.Architecture => job.Run(new GeneratedKernel<Shallow16, float>(KernelPath.Auto)),
            _ when architecture == Compositional4x5.Architecture => job.Run(new GeneratedKernel<Compositional4x5, float>(KernelPath.Auto)),
            _ => job.Run(new GenericKernel<float>(architecture)),
        };
    }
}
