namespace ReluKernels.Degeneracy;

/// <summary>
/// inf over λ &gt; 0 of max(‖λa − a′‖_∞, ‖c/λ − c′‖_∞): how close neuron (a, c) of Θ comes to the fixed neuron (a′, c′)
/// of Γ when Θ's neuron may be rescaled by positive homogeneity. Computed exactly: every term |λa_k − a′_k| and
/// |c_o/λ − c′_o| is the absolute value of a monotone function of λ, so the infimum of their maximum is attained at a
/// zero of one term, at a crossing of two terms (a linear or quadratic equation in λ), or approached as λ → 0 or ∞.
/// All of these candidates are evaluated.
/// </summary>
internal static class RescaledPairCost
{
    public static double Compute(ReadOnlySpan<double> a, ReadOnlySpan<double> c, ReadOnlySpan<double> a2, ReadOnlySpan<double> c2)
    {
        double best = Math.Min(Limit(c, a2, c2), Limit(a, a2, c2));
        void Try(double lambda, ReadOnlySpan<double> a, ReadOnlySpan<double> c, ReadOnlySpan<double> a2, ReadOnlySpan<double> c2)
        {
            if (lambda > 0 && double.IsFinite(lambda))
                best = Math.Min(best, Cost(lambda, a, c, a2, c2));
        }

        for (int k = 0; k < a.Length; k++)
        {
            Try(a2[k] / a[k], a, c, a2, c2);
            for (int l = k + 1; l < a.Length; l++)
            {
                Try((a2[k] - a2[l]) / (a[k] - a[l]), a, c, a2, c2);
                Try((a2[k] + a2[l]) / (a[k] + a[l]), a, c, a2, c2);
            }
            for (int o = 0; o < c.Length; o++)
            {
                // a_k λ − a′_k = s (c_o/λ − c′_o)  ⇔  a_k λ² + (s c′_o − a′_k) λ − s c_o = 0, s = ±1.
                for (int s = -1; s <= 1; s += 2)
                {
                    var (r1, r2) = QuadraticRoots(a[k], s * c2[o] - a2[k], -s * c[o]);
                    Try(r1, a, c, a2, c2);
                    Try(r2, a, c, a2, c2);
                }
            }
        }
        for (int o = 0; o < c.Length; o++)
        {
            Try(c[o] / c2[o], a, c, a2, c2);
            for (int p = o + 1; p < c.Length; p++)
            {
                Try((c[o] - c[p]) / (c2[o] - c2[p]), a, c, a2, c2);
                Try((c[o] + c[p]) / (c2[o] + c2[p]), a, c, a2, c2);
            }
        }
        return best;
    }

    /// <summary>max(‖λa − a′‖_∞, ‖c/λ − c′‖_∞) at one λ.</summary>
    public static double Cost(double lambda, ReadOnlySpan<double> a, ReadOnlySpan<double> c, ReadOnlySpan<double> a2, ReadOnlySpan<double> c2)
    {
        double cost = 0;
        for (int k = 0; k < a.Length; k++)
            cost = Math.Max(cost, Math.Abs(lambda * a[k] - a2[k]));
        for (int o = 0; o < c.Length; o++)
            cost = Math.Max(cost, Math.Abs(c[o] / lambda - c2[o]));
        return cost;
    }

    /// <summary>
    /// The limit as the factor multiplying <paramref name="vanishing"/> goes to ∞ (λ → 0 for c, λ → ∞ for a): finite only
    /// when that vector is 0, and then every term tends to the |entry| of Γ's neuron.
    /// </summary>
    private static double Limit(ReadOnlySpan<double> vanishing, ReadOnlySpan<double> a2, ReadOnlySpan<double> c2)
    {
        if (vanishing.ContainsAnyExcept(0.0))
            return double.PositiveInfinity;
        // The vanishing vector's terms are then the constants |a′_k| or |c′_o|, and the other vector's terms tend to theirs.
        return Math.Max(MaxAbs(a2), MaxAbs(c2));
    }

    private static double MaxAbs(ReadOnlySpan<double> values)
    {
        double max = 0;
        foreach (double v in values)
            max = Math.Max(max, Math.Abs(v));
        return max;
    }

    /// <summary>Real roots of p λ² + q λ + r = 0 (NaN where there are none), without cancellation.</summary>
    private static (double, double) QuadraticRoots(double p, double q, double r)
    {
        if (p == 0)
            return (q == 0 ? double.NaN : -r / q, double.NaN);
        double discriminant = q * q - 4 * p * r;
        if (discriminant < 0)
            return (double.NaN, double.NaN);
        double t = -0.5 * (q + Math.CopySign(Math.Sqrt(discriminant), q));
        return (t / p, t == 0 ? 0 : r / t);
    }
}
