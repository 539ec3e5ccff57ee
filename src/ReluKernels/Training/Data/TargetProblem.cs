using System.Numerics;

namespace ReluKernels.Training.Data;

/// <summary>
/// A learning task: a target on the cube Ω = [−<see cref="Radius"/>, <see cref="Radius"/>]^d with a training and a test
/// sampling, and where the settings come from. Data sets are reproducible: the training set is drawn from
/// <c>CounterRng(seed, TrainingStream)</c> and the test set from <c>CounterRng(seed, TestStream)</c>, streams at the top of
/// the range so that they never coincide with the per-run streams 0, 1, 2, … of <see cref="ParallelTraining"/>.
/// </summary>
/// <param name="Name">A command-line name, e.g. "abs".</param>
/// <param name="Target">The function.</param>
/// <param name="Radius">r of Ω = [−r, r]^d.</param>
/// <param name="Training">How the training points are placed.</param>
/// <param name="Test">How the test points are placed.</param>
/// <param name="Source">The paper's setting, and which parts are this project's choice because the paper does not state them.</param>
public sealed record TargetProblem(string Name, TargetFunction Target, double Radius, Sampling Training, Sampling Test, string Source)
{
    /// <summary>The stream of the training set.</summary>
    public const ulong TrainingStream = ulong.MaxValue;

    /// <summary>The stream of the test set.</summary>
    public const ulong TestStream = ulong.MaxValue - 1;

    /// <summary>The training set for <paramref name="seed"/>.</summary>
    public Dataset<T> TrainingSet<T>(ulong seed) where T : unmanaged, IFloatingPointIeee754<T> => Build<T>(Training, seed, TrainingStream);

    /// <summary>The test set for <paramref name="seed"/>.</summary>
    public Dataset<T> TestSet<T>(ulong seed) where T : unmanaged, IFloatingPointIeee754<T> => Build<T>(Test, seed, TestStream);

    private Dataset<T> Build<T>(Sampling sampling, ulong seed, ulong stream) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rng = new CounterRng(seed, stream);
        return Dataset<T>.Sample(Target, sampling.Points(Target.InputDim, Radius, ref rng));
    }
}
