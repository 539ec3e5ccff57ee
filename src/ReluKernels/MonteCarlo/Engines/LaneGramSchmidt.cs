using System.Runtime.Intrinsics;

namespace ReluKernels.MonteCarlo.Engines;

/// <summary>
/// Haar-random orthogonal matrices for 16 lanes at once. The QR factor Q of a Gaussian matrix whose R has a positive
/// diagonal is Haar distributed (Mezzadri 2007); modified Gram–Schmidt on the columns produces exactly that Q. It is
/// hand-written rather than MathNet's QR because it runs inside the Monte-Carlo hot loop, must not allocate, and works
/// on all 16 lanes with one vector instruction per scalar step.
/// </summary>
internal static class LaneGramSchmidt
{
    private const int Lanes = ILaneStepper.Lanes;

    /// <summary>Replaces the n × n matrices <c>m[i, j, lane]</c> (Gaussian entries) by the Q of their QR factorisation.</summary>
    public static void OrthonormaliseColumns(Span<float> m, int n)
    {
        ref float a = ref m[0];
        for (int k = 0; k < n; k++)
        {
            for (int c = 0; c < k; c++)
            {
                var dot = Vector512<float>.Zero;
                for (int i = 0; i < n; i++)
                    dot = Vector512.FusedMultiplyAdd(Load(ref a, n, i, c), Load(ref a, n, i, k), dot);
                for (int i = 0; i < n; i++)
                    Vector512.FusedMultiplyAdd(-dot, Load(ref a, n, i, c), Load(ref a, n, i, k)).StoreUnsafe(ref a, Offset(n, i, k));
            }
            var norm2 = Vector512<float>.Zero;
            for (int i = 0; i < n; i++)
            {
                var v = Load(ref a, n, i, k);
                norm2 = Vector512.FusedMultiplyAdd(v, v, norm2);
            }
            var inverse = Vector512<float>.One / Vector512.Sqrt(norm2);
            for (int i = 0; i < n; i++)
                (Load(ref a, n, i, k) * inverse).StoreUnsafe(ref a, Offset(n, i, k));
        }
    }

    private static Vector512<float> Load(ref float a, int n, int row, int column) => Vector512.LoadUnsafe(ref a, Offset(n, row, column));

    private static nuint Offset(int n, int row, int column) => (nuint)((row * n + column) * Lanes);
}
