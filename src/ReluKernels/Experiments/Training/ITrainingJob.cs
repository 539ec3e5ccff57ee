using ReluKernels.Training;

namespace ReluKernels.Experiments.Training;

/// <summary>Work that runs on whichever kernel a shape has: called back with the kernel as a struct type argument, so the training loop is compiled per kernel.</summary>
/// <typeparam name="TResult">What the work returns.</typeparam>
internal interface ITrainingJob<out TResult>
{
    /// <summary>Runs the work on <paramref name="kernel"/>.</summary>
    TResult Run<TKernel>(TKernel kernel) where TKernel : struct, ITrainableNetwork<TKernel, float>;
}
