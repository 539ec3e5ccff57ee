using System.Numerics;
using MathNet.Numerics.Optimization;
using ReluKernels.Training.Data;
using MathVector = MathNet.Numerics.LinearAlgebra.Vector<double>;

namespace ReluKernels.Training;

/// <summary>
/// One full-batch BFGS or L-BFGS training through MathNet.Numerics (the rules are on <see cref="QuasiNewtonSettings"/>):
/// wraps the trainer's loss and gradient as MathNet's objective, counts evaluations as epochs and keeps the lowest-loss point.
/// </summary>
internal static class QuasiNewtonTraining
{
    /// <summary>Minimises the loss over <paramref name="data"/> from <paramref name="parameters"/>, which receive the lowest-loss point evaluated.</summary>
    public static TrainingResult Run<TKernel, T>(Trainer<TKernel, T> trainer, QuasiNewtonSettings settings, Span<T> parameters, Dataset<T> data,
        LossHistory? history)
        where TKernel : struct, ITrainableNetwork<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int maxEpochs = trainer.Options.MaxEpochs;
        var objective = new Objective<TKernel, T>(trainer, data, parameters, maxEpochs, history);
        var start = MathVector.Build.Dense(parameters.Length, i => double.CreateTruncating(objective.Best[i]));
        var status = TrainingStatus.Plateau;
        try
        {
            // MaximumIterations = the epoch budget: an iteration takes at least one evaluation, so the budget of evaluations ends first.
            IUnconstrainedMinimizer minimizer = settings.Method == QuasiNewtonMethod.Bfgs
                ? new BfgsMinimizer(settings.GradientTolerance, settings.ParameterTolerance, settings.FunctionProgressTolerance, maxEpochs)
                : new LimitedMemoryBfgsMinimizer(settings.GradientTolerance, settings.ParameterTolerance, settings.FunctionProgressTolerance,
                    settings.Memory, maxEpochs);
            minimizer.FindMinimum(ObjectiveFunction.Gradient(objective.Evaluate), start);
        }
        catch (BudgetSpentException)
        {
            status = TrainingStatus.MaxEpochsReached;
        }
        catch (MaximumIterationsException)
        {
            status = TrainingStatus.MaxEpochsReached;
        }
        catch (NonFiniteLossException)
        {
            // Epoch k + 1 is the evaluation that saw it; the history holds the k before, as for a first-order divergence.
            status = TrainingStatus.Diverged;
            objective.Evaluations++;
        }
        catch (OptimizationException)
        {
            // A MathNet failure after k evaluations is seen in epoch k + 1, likewise (at the end of the budget it is just the end).
            status = objective.Evaluations < maxEpochs ? TrainingStatus.Diverged : TrainingStatus.MaxEpochsReached;
            if (status == TrainingStatus.Diverged)
                objective.Evaluations++;
        }
        objective.Best.CopyTo(parameters);
        double finalLoss = trainer.Loss(parameters, data);
        if (!double.IsFinite(finalLoss))
            status = TrainingStatus.Diverged;
        return new TrainingResult(status, objective.Evaluations, finalLoss, objective.VanishedEpoch);
    }

    /// <summary>The loss and gradient as MathNet sees them, with the bookkeeping of epochs, history and the best point.</summary>
    private sealed class Objective<TKernel, T>(Trainer<TKernel, T> trainer, Dataset<T> data, ReadOnlySpan<T> initial, int maxEpochs, LossHistory? history)
        where TKernel : struct, ITrainableNetwork<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly T[] _point = new T[initial.Length];
        private double _bestLoss = double.PositiveInfinity;

        /// <summary>The lowest-loss point evaluated so far (the initial parameters before any).</summary>
        public T[] Best { get; } = initial.ToArray();

        /// <summary>Evaluations so far: the epochs.</summary>
        public int Evaluations { get; set; }

        /// <summary>The first evaluation whose hidden-layer gradient was exactly zero; 0 if none.</summary>
        public int VanishedEpoch { get; private set; }

        public (double, MathVector) Evaluate(MathVector x)
        {
            if (Evaluations == maxEpochs)
                throw new BudgetSpentException();
            for (int i = 0; i < _point.Length; i++)
                _point[i] = T.CreateTruncating(x[i]);
            var step = trainer.Evaluate(_point, data);
            if (!double.IsFinite(step.Loss))
                throw new NonFiniteLossException();
            Evaluations++;
            if (step.HiddenGradientsZero && VanishedEpoch == 0)
                VanishedEpoch = Evaluations;
            if (step.Loss < _bestLoss)
            {
                _bestLoss = step.Loss;
                _point.CopyTo(Best, 0);
            }
            history?.Offer(Evaluations, _bestLoss);
            var gradient = trainer.LastGradient;
            var g = new double[gradient.Length];
            for (int i = 0; i < g.Length; i++)
                g[i] = double.CreateTruncating(gradient[i]);
            return (step.Loss, MathVector.Build.Dense(g));
        }
    }

    /// <summary>Thrown out of the objective to stop MathNet when the epoch budget is spent.</summary>
    private sealed class BudgetSpentException : Exception;

    /// <summary>Thrown out of the objective to stop MathNet at a NaN or infinite loss.</summary>
    private sealed class NonFiniteLossException : Exception;
}
