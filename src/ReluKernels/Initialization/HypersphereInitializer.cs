using System.Runtime.InteropServices;

namespace ReluKernels;

/// <summary>
/// "Unit hypersphere" initialisation (Shin &amp; Karniadakis 2020, eq. 3). Without bias: each row W_j uniform on S^{fan_in − 1}, b_j = 0.
/// With bias: each <c>[W_j, b_j]</c> uniform on S^{fan_in}.
/// </summary>
/// <remarks>
/// A row is a vector of i.i.d. standard normals (drawn in order W_j then b_j) divided by its Euclidean norm, computed
/// in double; a row with zero norm (possible only when every normal is exactly 0) is redrawn, which keeps the law
/// uniform. When the architecture has no biases, <see cref="WithBias"/> draws only W_j (same as <see cref="WithoutBias"/>).
/// Allocation-free up to width <see cref="ShapeLimits.MaxWidth"/>.
/// </remarks>
public sealed class HypersphereInitializer : LayerInitializer
{
    private HypersphereInitializer(bool includeBias) => IncludeBias = includeBias;

    /// <summary>Rows of W uniform on the unit sphere, biases 0.</summary>
    public static HypersphereInitializer WithoutBias { get; } = new(false);

    /// <summary>Rows of [W, b] uniform on the unit sphere.</summary>
    public static HypersphereInitializer WithBias { get; } = new(true);

    /// <summary>Whether the bias is part of the unit vector.</summary>
    public bool IncludeBias { get; }

    /// <inheritdoc/>
    protected override void InitializeLayer<T>(LayerShape layer, Span<T> weights, Span<T> biases, ref CounterRng rng)
    {
        bool withBias = IncludeBias && layer.HasBias;
        int dimension = layer.FanIn + (withBias ? 1 : 0);
        // On the stack up to the generator's width; wider run-time shapes take heap rows.
        bool small = dimension <= ShapeLimits.MaxWidth + 1;
        Span<double> row = small ? stackalloc double[ShapeLimits.MaxWidth + 1] : new double[dimension];
        row = row[..dimension];
        Span<float> rowSingle = small ? stackalloc float[ShapeLimits.MaxWidth + 1] : new float[dimension];
        rowSingle = rowSingle[..dimension];
        for (int j = 0; j < layer.FanOut; j++)
        {
            double norm2;
            do
            {
                // Normals of the parameter's own precision, so float and double networks consume the stream alike.
                if (typeof(T) == typeof(float))
                {
                    rng.FillNormal(rowSingle);
                    for (int i = 0; i < dimension; i++)
                        row[i] = rowSingle[i];
                }
                else
                {
                    rng.FillNormal(row);
                }
                norm2 = 0;
                foreach (double x in row)
                    norm2 += x * x;
            }
            while (norm2 == 0);
            double inverse = 1 / Math.Sqrt(norm2);
            var target = weights.Slice(j * layer.FanIn, layer.FanIn);
            for (int i = 0; i < layer.FanIn; i++)
                target[i] = T.CreateTruncating(row[i] * inverse);
            if (layer.HasBias)
                biases[j] = withBias ? T.CreateTruncating(row[layer.FanIn] * inverse) : T.Zero;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => IncludeBias ? "UnitHypersphere(with bias)" : "UnitHypersphere(without bias)";
}
