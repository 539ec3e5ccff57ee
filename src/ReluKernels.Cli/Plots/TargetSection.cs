using ReluKernels.Training.Data;

namespace ReluKernels.Cli.Plots;

/// <summary>
/// The line a fitted-function plot draws along: x₁ over [−r, r] in evenly spaced points (the other inputs held at r/2), the
/// inputs in the kernels' feature-major layout and the target's first output there.
/// </summary>
/// <param name="Xs">The x₁ values.</param>
/// <param name="Inputs">Feature-major inputs <c>inputs[k·points + s]</c>.</param>
/// <param name="Target">The target's first output at each point.</param>
public sealed record TargetSection(double[] Xs, double[] Inputs, double[] Target)
{
    /// <summary>Samples <paramref name="problem"/> along its section in <paramref name="points"/> points.</summary>
    public static TargetSection Of(TargetProblem problem, int points)
    {
        ArgumentNullException.ThrowIfNull(problem);
        double r = problem.Radius;
        int d = problem.Target.InputDim;
        double[] xs = [.. Enumerable.Range(0, points).Select(i => -r + 2 * r * i / (points - 1))];
        var inputs = new double[d * points];
        var target = new double[points];
        var x = new double[d];
        var y = new double[problem.Target.OutputDim];
        for (int s = 0; s < points; s++)
        {
            x[0] = inputs[s] = xs[s];
            for (int k = 1; k < d; k++)
                x[k] = inputs[k * points + s] = r / 2;
            problem.Target.Evaluate(x, y);
            target[s] = y[0];
        }
        return new TargetSection(xs, inputs, target);
    }

    /// <summary>The x-axis label: "x" for 1-D input, else "x₁ (x₂ = r/2)".</summary>
    public static string AxisLabel(int inputDim) => inputDim == 1 ? "x" : "x₁ (x₂ = r/2)";
}
