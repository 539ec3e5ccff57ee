namespace ReluKernels.Theory;

/// <summary>
/// Binomial probabilities with full relative accuracy at every n, by Loader's saddle-point expansion (C. Loader, "Fast
/// and accurate computation of binomial probabilities", 2000; the algorithm of R's <c>dbinom</c>). The log-gamma route
/// ln C(n, k) = lnΓ(n + 1) − … loses about log₁₀(n ln n) digits to cancellation; this one keeps ~1e−15 relative error
/// near the mode and ~1e−14 in the far tails (where the deviance term x ln(x/np) + np − x is large).
/// </summary>
/// <remarks>
/// Success and failure probabilities are passed separately (p and q = 1 − p) so that a caller who knows q more
/// accurately than 1 − p (e.g. a tiny death probability) does not lose it. Sums of terms are sums of non-negative
/// numbers, so they keep their relative accuracy too.
/// </remarks>
internal static class BinomialPmf
{
    private const double LnTwoPi = 1.8378770664093454835606594728112;

    /// <summary>δ(n) = ln n! − ((n + ½) ln n − n + ½ ln 2π) for n = 1..15 (mpmath at 40 digits, rounded to 20).</summary>
    private static readonly double[] StirlingErrorTable =
    [
        double.NaN, // n = 0 is never used
        0.08106146679532725822,
        0.041340695955409294094,
        0.027677925684998339149,
        0.020790672103765093112,
        0.016644691189821192163,
        0.013876128823070747999,
        0.011896709945891770095,
        0.010411265261972096497,
        0.0092554621827127329177,
        0.0083305634333628712565,
        0.007573675487951840795,
        0.0069428401072095298657,
        0.0064089941880042070684,
        0.0059513701127588477356,
        0.005554733551962801371,
    ];

    /// <summary>ln P(X = k) for X ~ Binomial(n, p), with q = 1 − p; −∞ outside 0..n or when the probability is 0.</summary>
    public static double Log(int n, int k, double p, double q)
    {
        if (k < 0 || k > n)
            return double.NegativeInfinity;
        if (p == 0)
            return k == 0 ? 0 : double.NegativeInfinity;
        if (q == 0)
            return k == n ? 0 : double.NegativeInfinity;
        if (k == 0)
            return n == 0 ? 0 : n * LogOf(q, p);
        if (k == n)
            return n * LogOf(p, q);
        double lc = StirlingError(n) - StirlingError(k) - StirlingError(n - k)
                    - DevianceTerm(k, n * p) - DevianceTerm(n - k, n * q);
        double lf = LnTwoPi + Math.Log(k) + AccurateMath.Log1P(-(double)k / n);
        return lc - 0.5 * lf;
    }

    /// <summary>P(X = k) for X ~ Binomial(n, p), with q = 1 − p.</summary>
    public static double Value(int n, int k, double p, double q) => Math.Exp(Log(n, k, p, q));

    /// <summary>ln C(n, k), accurate to ~1e−15 relative (from the p = q = ½ probability).</summary>
    public static double LogChoose(int n, int k) => Log(n, k, 0.5, 0.5) + n * Math.Log(2.0);

    /// <summary>P(lo ≤ X ≤ hi) for X ~ Binomial(n, p), q = 1 − p, summed outward from the mode (terms are unimodal).</summary>
    public static double RangeProbability(int n, int lo, int hi, double p, double q)
    {
        lo = Math.Max(lo, 0);
        hi = Math.Min(hi, n);
        if (lo > hi)
            return 0;
        if (p == 0)
            return lo == 0 ? 1 : 0;
        if (q == 0)
            return hi == n ? 1 : 0;
        int mode = (int)Math.Clamp(Math.Floor((n + 1.0) * p), lo, hi);
        double sum = 0;
        // Terms decrease monotonically away from the mode; stop once they cannot change the sum any more.
        for (int k = mode; k <= hi; k++)
        {
            double term = Value(n, k, p, q);
            sum += term;
            if (k > mode && term <= 1e-20 * sum)
                break;
        }
        for (int k = mode - 1; k >= lo; k--)
        {
            double term = Value(n, k, p, q);
            sum += term;
            if (term <= 1e-20 * sum)
                break;
        }
        return Math.Min(sum, 1.0);
    }

    /// <summary>P(X ≥ m) for X ~ Binomial(n, p), q = 1 − p.</summary>
    public static double UpperTail(int n, int m, double p, double q) => RangeProbability(n, m, n, p, q);

    /// <summary>P(X ≤ k) for X ~ Binomial(n, p), q = 1 − p.</summary>
    public static double LowerTail(int n, int k, double p, double q) => RangeProbability(n, 0, k, p, q);

    /// <summary>ln x, via ln(1 − other) when x is close to 1 (other = 1 − x is then the accurate one).</summary>
    private static double LogOf(double x, double other) => other < 0.5 ? AccurateMath.Log1P(-other) : Math.Log(x);

    /// <summary>δ(n) = ln n! − ((n + ½) ln n − n + ½ ln 2π), n ≥ 1: table to 15, Stirling series beyond.</summary>
    private static double StirlingError(int n)
    {
        if (n < StirlingErrorTable.Length)
            return StirlingErrorTable[n];
        const double s0 = 1.0 / 12, s1 = 1.0 / 360, s2 = 1.0 / 1260, s3 = 1.0 / 1680, s4 = 1.0 / 1188;
        double nn = (double)n * n;
        if (n > 500)
            return (s0 - s1 / nn) / n;
        if (n > 80)
            return (s0 - (s1 - s2 / nn) / nn) / n;
        if (n > 35)
            return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
        return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
    }

    /// <summary>x ln(x/m) + m − x ≥ 0 without cancellation when x ≈ m (Loader's bd0).</summary>
    private static double DevianceTerm(double x, double m)
    {
        if (Math.Abs(x - m) < 0.1 * (x + m))
        {
            double v = (x - m) / (x + m);
            double s = (x - m) * v;
            double ej = 2 * x * v;
            double v2 = v * v;
            for (int j = 1; j < 1000; j++)
            {
                ej *= v2;
                double next = s + ej / (2 * j + 1);
                if (next == s)
                    return next;
                s = next;
            }
            return s;
        }
        return x * Math.Log(x / m) + m - x;
    }
}
