using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ReluKernels.MonteCarlo.Engines;

/// <summary>
/// One layer of the function-space sampler (Gaussian weights, no biases) for 16 networks, one per float lane. A network
/// alive on both sides of x = 0 is, for every later zero pattern, fully described by the angle β between its outputs
/// a⁺ = x_l(+1) and a⁻ = x_l(−1): scaling one side by c &gt; 0 scales all its later pre-activations by c and changes no sign.
/// So a lane's state is (cos β, sin β), and in an orthonormal basis of span(a⁺, a⁻) neuron i's pre-activations
/// (w_i·a⁺/|a⁺|, w_i·a⁻/|a⁻|) are (g₁, cos β·g₁ + sin β·g₂) with g₁, g₂ independent N(0, 1).
/// </summary>
/// <remarks>
/// <para><b>No normals are drawn.</b> Write (g₁, g₂) = r·(cos θ, sin θ): θ is uniform, r² is exponential and independent
/// of θ. The signs depend on θ alone, and the next state only on the Gram matrix Σᵢ rᵢ²·vᵢvᵢᵀ of vᵢ = relu of the two
/// pre-activations divided by rᵢ, up to a positive factor. Dividing by Σ rᵢ² changes no angle, and (r₁², …, rₙ²)/Σ rⱼ²
/// is Dirichlet(1, …, 1): the spacings of n − 1 sorted uniforms. So a neuron costs one word for θ (the Box–Muller angle
/// polynomials, <see cref="RngKernels{S, VU, VF, VL, VD}.UnitCircleF"/>) and the layer n − 1 words for its weights — no
/// logarithm and no square root, 2n − 1 words instead of the 2n normals (and 2n logarithms' worth of Box–Muller) of
/// sampling (g₁, g₂) directly. Every operation is exactly rounded IEEE arithmetic, so all ISA paths agree bit for bit.</para>
/// <para>The uniforms are 30-bit integers, sorted (<see cref="LaneSort"/>) and differenced exactly; each spacing is then raised by half a unit
/// (2^−31) so that no alive neuron gets weight 0 when two uniforms tie (probability about n²·2^−31). That shifts each
/// weight by less than float's own rounding of it.</para>
/// <para>A lane whose sides become parallel (one neuron alive, carrying both) is reported, not stepped on: a rounded sin β
/// would give z⁻ a spurious independent part and flip signs. The caller finishes such lanes, and those dead on one side,
/// with <see cref="SignOnlyTail"/>. With continuous weights no other event makes a⁺ and a⁻ parallel.</para>
/// </remarks>
internal static class FunctionSpaceLayer
{
    private const int Lanes = 16;
    private const int UniformBits = 30;

    /// <summary>The generator words one <see cref="Step"/> consumes: an angle per neuron, then n − 1 weight uniforms, 16 lanes each.</summary>
    public static int WordsPerStep(int width) => (2 * width - 1) * Lanes;

    /// <summary>
    /// Applies the layer drawn from <paramref name="words"/> to the lanes' states and returns which lanes' new layer is
    /// zero at x = +1, at x = −1, and alive with parallel sides. The new (cos, sin) is meaningful only for lanes alive on
    /// both sides and not parallel. <paramref name="sorted"/> is scratch for <paramref name="width"/> vectors.
    /// </summary>
    public static void Step(ref Vector512<float> cos, ref Vector512<float> sin, ReadOnlySpan<uint> words, Span<Vector512<uint>> sorted, int width,
        out Vector512<int> zeroAtPlus, out Vector512<int> zeroAtMinus, out Vector512<int> parallel)
    {
        ref uint word = ref MemoryMarshal.GetReference(words);
        if (sorted.Length < width || words.Length < WordsPerStep(width))
            throw new ArgumentException("Too few words or too little scratch for the width.");
        // The weight uniforms, sorted, then 2^30, the end of their range.
        LaneSort.Sort(words.Slice(width * Lanes, (width - 1) * Lanes), 32 - UniformBits, sorted[..(width - 1)]);
        sorted[width - 1] = Vector512.Create(1u << UniformBits);
        ref var spacing = ref MemoryMarshal.GetReference(sorted);

        var zero = Vector512<float>.Zero;
        var one = Vector512<float>.One;
        var halfUnit = Vector512.Create(0.5f);
        var previous = Vector512<uint>.Zero;
        Vector512<float> s11 = zero, s12 = zero, s22 = zero, alive = zero, aliveBoth = zero, anyPlus = zero, anyMinus = zero;
        for (int j = 0; j < width; j++)
        {
            // The Dirichlet weight: a spacing of the sorted uniforms (below 2^30, so exact as int and as float up to one rounding).
            var next = Unsafe.Add(ref spacing, j);
            var weight = Vector512.ConvertToSingle((next - previous).AsInt32()) + halfUnit;
            previous = next;
            RngKernels<Simd512Ops, Vector512<uint>, Vector512<float>, Vector512<ulong>, Vector512<double>>.UnitCircleF(
                Vector512.LoadUnsafe(ref word, (nuint)(j * Lanes)), out var x, out var y);
            var plus = Vector512.Max(x, zero);
            var minus = Vector512.Max(Vector512.FusedMultiplyAdd(cos, x, sin * y), zero);
            var weightedPlus = weight * plus;
            s11 = Vector512.FusedMultiplyAdd(weightedPlus, plus, s11);
            s12 = Vector512.FusedMultiplyAdd(weightedPlus, minus, s12);
            s22 = Vector512.FusedMultiplyAdd(weight * minus, minus, s22);
            var onPlus = Vector512.GreaterThan(plus, zero);
            var onMinus = Vector512.GreaterThan(minus, zero);
            anyPlus |= onPlus;
            anyMinus |= onMinus;
            alive += (onPlus | onMinus) & one;
            aliveBoth += (onPlus & onMinus) & one;
        }
        // cos β' = s12/√(s11·s22) and sin β' = √det/√(s11·s22). The determinant s11·s22 − s12² cancels when the sides are
        // nearly parallel, so it is formed with Kahan's FMA scheme (error about one ulp of the result, not of s11·s22).
        var square = s12 * s12;
        var det = Vector512.FusedMultiplyAdd(s11, s22, -square) + Vector512.FusedMultiplyAdd(-s12, s12, square);
        var inverseNorm = one / Vector512.Sqrt(s11 * s22);
        cos = s12 * inverseNorm;
        sin = Vector512.Sqrt(Vector512.Max(det, zero)) * inverseNorm;
        // Zero is decided from the signs, not from the sums of squares, which could underflow.
        zeroAtPlus = ~anyPlus.AsInt32();
        zeroAtMinus = ~anyMinus.AsInt32();
        parallel = (Vector512.Equals(alive, one) & Vector512.Equals(aliveBoth, one)).AsInt32();
    }
}
