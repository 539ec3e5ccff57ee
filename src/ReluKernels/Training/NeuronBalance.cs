using System.Numerics;

namespace ReluKernels.Training;

/// <summary>
/// Balance of the hidden neurons of a positively homogeneous network (ReLU, leaky ReLU), in place on the flat parameter
/// vector (<see cref="NetworkArchitecture"/> layout): neuron i of hidden layer l has the incoming vector a_i = (row i of W_l,
/// b_l[i]) and the outgoing vector c_i = column i of W_{l+1}. It is balanced when ‖c_i‖₂ = ‖a_i‖₂. Nothing here allocates.
/// </summary>
/// <remarks>
/// <para><b>Why Euclidean norms</b> (ours; <see cref="Degeneracy.Rebalancing"/> uses the paper's sup norms): the imbalance
/// D_i = ‖c_i‖² − ‖a_i‖² is what gradient descent sees. Positive homogeneity gives ⟨a_i, ∂L/∂a_i⟩ = ⟨c_i, ∂L/∂c_i⟩ for any
/// loss of the output, so under gradient flow dD_i/dt = 0: a continuous-time training never changes any neuron's balance,
/// and the drift of a discrete one is second order in the learning rate. Balance is therefore a property of the
/// initialisation that training (almost) keeps, which is what <see cref="BalanceMode"/> lets an experiment change.</para>
/// <para><b>Deep networks.</b> Rescaling neuron i of layer l changes the rows of W_{l+1} (incoming vectors of layer l + 1)
/// and the columns of W_l (outgoing vectors of layer l − 1), so balancing one layer unbalances its neighbours.
/// <see cref="Project{T}"/> therefore sweeps all neurons repeatedly: each single-neuron balance is the exact minimiser of
/// Σθ² over that neuron's scale, and Σθ² is convex in the logarithms of the scales, so the sweeps are coordinate descent
/// on a convex function and converge to the point of the rescaling orbit of least norm, where every neuron is balanced.</para>
/// </remarks>
public static class NeuronBalance
{
    /// <summary>The most sweeps <see cref="Project{T}"/> makes; from a He initialisation of Lu et al.'s 2 × 9 network a few suffice.</summary>
    public const int MaxSweeps = 200;

    /// <summary>Whether the activation is positively homogeneous (ReLU, leaky ReLU), so that rescaling preserves the function.</summary>
    public static bool Supports(NetworkArchitecture architecture) =>
        architecture.Activation is Activation.ReLU or Activation.LeakyReLU;

    /// <summary>
    /// The relative tolerance at which <see cref="Project{T}"/> stops: every neuron has |‖c_i‖²/‖a_i‖² − 1| ≤ 64ε of
    /// <typeparamref name="T"/> — a balanced neuron's squared norms are sums of a few rounded squares (relative error a few
    /// ε each), so a tighter target could not be met reliably.
    /// </summary>
    public static double Tolerance<T>() where T : unmanaged, IFloatingPointIeee754<T> => 64 * Epsilon<T>();

    /// <summary>
    /// Rescales the hidden neurons by positive homogeneity until every neuron with a_i ≠ 0 and c_i ≠ 0 is balanced within
    /// <see cref="Tolerance{T}"/> (neurons with a zero vector cannot be balanced and are left alone). The realisation is
    /// unchanged up to rounding. Returns the sweeps made; <see cref="MaxSweeps"/> when it did not converge.
    /// </summary>
    /// <exception cref="ArgumentException">The span's length is not the architecture's parameter count, or the activation is not positively homogeneous.</exception>
    public static int Project<T>(NetworkArchitecture architecture, Span<T> parameters)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(architecture, parameters.Length);
        double tolerance = Tolerance<T>();
        for (int sweep = 1; sweep <= MaxSweeps; sweep++)
        {
            double worst = 0;
            for (int l = 1; l <= architecture.Depth; l++)
            {
                for (int j = 0; j < architecture.Width; j++)
                {
                    double a2 = IncomingSquared<T>(architecture, parameters, l, j), c2 = OutgoingSquared<T>(architecture, parameters, l, j);
                    if (a2 == 0 || c2 == 0)
                        continue;
                    double ratio = c2 / a2;
                    worst = Math.Max(worst, Math.Abs(ratio - 1));
                    // ‖c/λ‖ = ‖λa‖ for λ = √(‖c‖/‖a‖) = (c2/a2)^(1/4).
                    Rescale(architecture, parameters, l, j, Math.Sqrt(Math.Sqrt(ratio)));
                }
            }
            if (worst <= tolerance)
                return sweep;
        }
        return MaxSweeps;
    }

    /// <summary>The largest |‖c_i‖²/‖a_i‖² − 1| over the hidden neurons with a_i ≠ 0 and c_i ≠ 0 (0 when there are none).</summary>
    /// <exception cref="ArgumentException">The span's length is not the architecture's parameter count, or the activation is not positively homogeneous.</exception>
    public static double MaxImbalance<T>(NetworkArchitecture architecture, ReadOnlySpan<T> parameters)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(architecture, parameters.Length);
        double worst = 0;
        for (int l = 1; l <= architecture.Depth; l++)
        {
            for (int j = 0; j < architecture.Width; j++)
            {
                double a2 = IncomingSquared(architecture, parameters, l, j), c2 = OutgoingSquared(architecture, parameters, l, j);
                if (a2 > 0 && c2 > 0)
                    worst = Math.Max(worst, Math.Abs(c2 / a2 - 1));
            }
        }
        return worst;
    }

    /// <summary>The penalty Σ_i (‖c_i‖² − ‖a_i‖²)² over the hidden neurons, without a weight.</summary>
    /// <exception cref="ArgumentException">The span's length is not the architecture's parameter count, or the activation is not positively homogeneous.</exception>
    public static double Penalty<T>(NetworkArchitecture architecture, ReadOnlySpan<T> parameters)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(architecture, parameters.Length);
        double sum = 0;
        for (int l = 1; l <= architecture.Depth; l++)
        {
            for (int j = 0; j < architecture.Width; j++)
            {
                double d = OutgoingSquared(architecture, parameters, l, j) - IncomingSquared(architecture, parameters, l, j);
                sum += d * d;
            }
        }
        return sum;
    }

    /// <summary>
    /// Adds the gradient of <paramref name="weight"/> · Σ_i D_i², D_i = ‖c_i‖² − ‖a_i‖², to <paramref name="gradient"/>:
    /// 4·weight·D_i·c_i on the outgoing and −4·weight·D_i·a_i on the incoming entries of each neuron (an entry of W_{l+1}
    /// is outgoing for layer l and incoming for layer l + 1 and gets both terms). Squared norms keep the penalty a
    /// polynomial, smooth everywhere (norms are not at 0), and it is zero exactly on balanced networks. Returns the
    /// weighted penalty at <paramref name="parameters"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A span's length is not the architecture's parameter count, or the activation is not positively homogeneous.</exception>
    public static double AddPenaltyGradient<T>(NetworkArchitecture architecture, ReadOnlySpan<T> parameters, double weight, Span<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(architecture, parameters.Length);
        Check(architecture, gradient.Length);
        double sum = 0;
        for (int l = 1; l <= architecture.Depth; l++)
        {
            int fanIn = architecture.LayerInputs(l), fanOut = architecture.LayerOutputs(l + 1);
            int incoming = architecture.WeightOffset(l), outgoing = architecture.WeightOffset(l + 1);
            for (int j = 0; j < architecture.Width; j++)
            {
                double d = OutgoingSquared(architecture, parameters, l, j) - IncomingSquared(architecture, parameters, l, j);
                sum += d * d;
                double g = 4 * weight * d;
                for (int i = 0; i < fanIn; i++)
                    Add(gradient, parameters, incoming + j * fanIn + i, -g);
                if (architecture.Bias)
                    Add(gradient, parameters, architecture.BiasOffset(l) + j, -g);
                for (int o = 0; o < fanOut; o++)
                    Add(gradient, parameters, outgoing + o * architecture.Width + j, g);
            }
        }
        return weight * sum;
    }

    private static void Add<T>(Span<T> gradient, ReadOnlySpan<T> parameters, int k, double factor)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        gradient[k] += T.CreateTruncating(factor * double.CreateTruncating(parameters[k]));

    /// <summary>‖a_j‖² of neuron j of hidden layer l: row j of W_l and b_l[j].</summary>
    private static double IncomingSquared<T>(NetworkArchitecture a, ReadOnlySpan<T> p, int l, int j)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int fanIn = a.LayerInputs(l);
        double sum = 0;
        foreach (var w in p.Slice(a.WeightOffset(l) + j * fanIn, fanIn))
            sum += Square(w);
        if (a.Bias)
            sum += Square(p[a.BiasOffset(l) + j]);
        return sum;
    }

    /// <summary>‖c_j‖² of neuron j of hidden layer l: column j of W_{l+1}.</summary>
    private static double OutgoingSquared<T>(NetworkArchitecture a, ReadOnlySpan<T> p, int l, int j)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int start = a.WeightOffset(l + 1), fanOut = a.LayerOutputs(l + 1);
        double sum = 0;
        for (int o = 0; o < fanOut; o++)
            sum += Square(p[start + o * a.Width + j]);
        return sum;
    }

    private static void Rescale<T>(NetworkArchitecture a, Span<T> p, int l, int j, double lambda)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int fanIn = a.LayerInputs(l);
        foreach (ref var w in p.Slice(a.WeightOffset(l) + j * fanIn, fanIn))
            w = Scaled(w, lambda);
        if (a.Bias)
            p[a.BiasOffset(l) + j] = Scaled(p[a.BiasOffset(l) + j], lambda);
        int start = a.WeightOffset(l + 1), fanOut = a.LayerOutputs(l + 1);
        double inverse = 1 / lambda;
        for (int o = 0; o < fanOut; o++)
            p[start + o * a.Width + j] = Scaled(p[start + o * a.Width + j], inverse);
    }

    private static T Scaled<T>(T value, double factor) where T : unmanaged, IFloatingPointIeee754<T> =>
        T.CreateTruncating(double.CreateTruncating(value) * factor);

    private static double Square<T>(T value) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double v = double.CreateTruncating(value);
        return v * v;
    }

    /// <summary>Machine epsilon of <typeparamref name="T"/> (the gap above 1; <c>T.Epsilon</c> is the smallest subnormal).</summary>
    private static double Epsilon<T>() where T : unmanaged, IFloatingPointIeee754<T> =>
        double.CreateTruncating(T.BitIncrement(T.One) - T.One);

    private static void Check(NetworkArchitecture architecture, int length)
    {
        if (architecture.Width == 0)
            throw new ArgumentException("The architecture is default-initialised.", nameof(architecture));
        if (!Supports(architecture))
            throw new ArgumentException($"Rescaling preserves the function only for positively homogeneous activations (ReLU, leaky ReLU), not {architecture.Activation}.", nameof(architecture));
        KernelArguments.RequireLength(length, architecture.ParameterCount, "parameters");
    }
}
