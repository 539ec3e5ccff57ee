using ReluKernels.Activations;
using ReluKernels.Cli.Conditioning;

namespace ReluKernels.Cli.Collapse;

/// <summary>
/// <c>collapse --activation</c>: born dead (some hidden layer identically zero on Ω) is what the engines simulate, and it
/// is defined for ReLU. An activation without a flat region (leaky ReLU, ELU, SELU, tanh, …) never outputs a constant
/// vector for a non-constant input, so "born dead" does not apply; one with a flat region other than ReLU's zero (e.g.
/// normalised ReLU) can be born constant, but the engines do not simulate it. Either way the run stops with one line
/// saying which, rather than printing a table of zeros.
/// </summary>
public static class BornDeadActivation
{
    /// <summary>Returns when <paramref name="name"/> is ReLU; otherwise throws with the reason.</summary>
    /// <exception cref="UsageException">The activation is not ReLU (or unknown).</exception>
    public static void Require(string name)
    {
        var activation = ActivationByName.Find(name);
        if (activation is Relu)
            return;
        throw new UsageException(HasFlatRegion(activation)
            ? $"--activation {activation}: it has a constant region, so networks can be born constant, but the collapse engines simulate ReLU only"
            : $"--activation {activation}: \"born dead\" does not apply: it has no zero (flat) region, so a non-constant input never gives a constant layer");
    }

    /// <summary>Whether σ′ vanishes on a half-line left of every kink (where ReLU-like activations are flat).</summary>
    public static bool HasFlatRegion(ScalarActivation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        double left = Math.Min(0, activation.Kinks.Count > 0 ? activation.Kinks[0] : 0) - 1;
        return activation.Derivative(left) == 0 && activation.Derivative(left - 10) == 0;
    }
}
