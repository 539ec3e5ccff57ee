using System.Numerics;
using System.Runtime.InteropServices;

namespace ReluKernels;

/// <summary>
/// Base of initializers that treat layers independently: layers are drawn in order 1..L from the stream, each by
/// <see cref="InitializeLayer{T}"/>. Implements both layouts of <see cref="IInitializer"/> on top of it.
/// </summary>
public abstract class LayerInitializer : IInitializer
{
    /// <summary>Networks in one interleaved block: 64 bytes of lanes, i.e. 16 floats or 8 doubles.</summary>
    public static int InterleavedLanes<T>() where T : unmanaged => 64 / System.Runtime.CompilerServices.Unsafe.SizeOf<T>();

    /// <summary>Largest parameter count of one layer of a generatable shape (<see cref="ShapeLimits.MaxWidth"/>); kept on the stack.</summary>
    private const int MaxLayerParameters = ShapeLimits.MaxWidth * (ShapeLimits.MaxWidth + 1);

    /// <summary>Fills one layer. <paramref name="biases"/> is empty when the layer has no bias.</summary>
    /// <param name="layer">The layer's shape.</param>
    /// <param name="weights">W row-major <c>[FanOut, FanIn]</c>.</param>
    /// <param name="biases">b, length <c>FanOut</c> (or empty).</param>
    /// <param name="rng">The stream to draw from.</param>
    protected abstract void InitializeLayer<T>(LayerShape layer, Span<T> weights, Span<T> biases, ref CounterRng rng)
        where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>
    /// Draws one layer on its own, as the whole-network methods do for layer <c>layer.Layer</c>. Lazy consumers (the
    /// Monte-Carlo engines, which stop at the first dead layer) use it to draw only the layers they reach.
    /// </summary>
    /// <exception cref="ArgumentException">A span's length does not match <paramref name="layer"/>.</exception>
    public void DrawLayer<T>(LayerShape layer, Span<T> weights, Span<T> biases, ref CounterRng rng) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (layer.FanIn < 1 || layer.FanOut < 1)
            throw new ArgumentException($"A layer needs at least one input and one output, got {layer.FanIn} → {layer.FanOut}.", nameof(layer));
        if (weights.Length != layer.FanOut * layer.FanIn)
            throw new ArgumentException($"Expected {layer.FanOut * layer.FanIn} weights, got {weights.Length}.", nameof(weights));
        if (biases.Length != (layer.HasBias ? layer.FanOut : 0))
            throw new ArgumentException($"Expected {(layer.HasBias ? layer.FanOut : 0)} biases, got {biases.Length}.", nameof(biases));
        InitializeLayer(layer, weights, biases, ref rng);
    }

    /// <inheritdoc/>
    public void Initialize(NetworkArchitecture architecture, Span<float> parameters, ref CounterRng rng) => Contiguous(architecture, parameters, ref rng);

    /// <inheritdoc/>
    public void Initialize(NetworkArchitecture architecture, Span<double> parameters, ref CounterRng rng) => Contiguous(architecture, parameters, ref rng);

    /// <inheritdoc/>
    public void InitializeInterleaved(NetworkArchitecture architecture, Span<float> block, ref CounterRng rng) => Interleaved(architecture, block, ref rng);

    /// <inheritdoc/>
    public void InitializeInterleaved(NetworkArchitecture architecture, Span<double> block, ref CounterRng rng) => Interleaved(architecture, block, ref rng);

    private void Contiguous<T>(NetworkArchitecture architecture, Span<T> parameters, ref CounterRng rng) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckArchitecture(architecture);
        if (parameters.Length != architecture.ParameterCount)
            throw new ArgumentException($"Expected {architecture.ParameterCount} parameters for {architecture}, got {parameters.Length}.", nameof(parameters));
        for (int l = 1; l <= architecture.LayerCount; l++)
        {
            var shape = Shape(architecture, l);
            var weights = parameters.Slice(architecture.WeightOffset(l), shape.FanOut * shape.FanIn);
            var biases = shape.HasBias ? parameters.Slice(architecture.BiasOffset(l), shape.FanOut) : Span<T>.Empty;
            InitializeLayer(shape, weights, biases, ref rng);
        }
    }

    private void Interleaved<T>(NetworkArchitecture architecture, Span<T> block, ref CounterRng rng) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckArchitecture(architecture);
        int lanes = InterleavedLanes<T>();
        if (block.Length != architecture.ParameterCount * lanes)
            throw new ArgumentException($"Expected {architecture.ParameterCount}×{lanes} values for an interleaved block of {architecture}, got {block.Length}.", nameof(block));
        // One layer of one lane at a time into scratch, then scattered with stride `lanes`: the draws are exactly those
        // of `lanes` consecutive contiguous initialisations.
        int largestLayer = 0;
        for (int l = 1; l <= architecture.LayerCount; l++)
            largestLayer = Math.Max(largestLayer, architecture.LayerParameterCount(l));
        Span<T> scratch = largestLayer <= MaxLayerParameters ? stackalloc T[MaxLayerParameters] : new T[largestLayer];
        for (int n = 0; n < lanes; n++)
        {
            for (int l = 1; l <= architecture.LayerCount; l++)
            {
                var shape = Shape(architecture, l);
                int weightCount = shape.FanOut * shape.FanIn, biasCount = shape.HasBias ? shape.FanOut : 0;
                var weights = scratch[..weightCount];
                var biases = scratch.Slice(weightCount, biasCount);
                InitializeLayer(shape, weights, biases, ref rng);
                int offset = architecture.WeightOffset(l);
                ref T target = ref MemoryMarshal.GetReference(block);
                for (int j = 0; j < weightCount + biasCount; j++)
                    System.Runtime.CompilerServices.Unsafe.Add(ref target, (offset + j) * lanes + n) = scratch[j];
            }
        }
    }

    private static LayerShape Shape(NetworkArchitecture architecture, int layer) =>
        new(layer, architecture.LayerInputs(layer), architecture.LayerOutputs(layer), architecture.Bias);

    private static void CheckArchitecture(NetworkArchitecture architecture)
    {
        if (architecture.Width == 0)
            throw new ArgumentException("The architecture is default-initialised; construct it with its sizes.", nameof(architecture));
    }
}

/// <summary>Draw helpers shared by the initializers: fill from the stream, then scale in place (vectorised, allocation-free).</summary>
internal static class InitDraw
{
    /// <summary>N(0, σ²) into <paramref name="destination"/>.</summary>
    public static void Normal<T>(Span<T> destination, double sigma, ref CounterRng rng) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            rng.FillNormal(MemoryMarshal.Cast<T, float>(destination));
        else
            rng.FillNormal(MemoryMarshal.Cast<T, double>(destination));
        ScaleShift(destination, T.CreateTruncating(sigma), T.Zero);
    }

    /// <summary>U[−a, a) into <paramref name="destination"/>: <c>a·(2u − 1)</c> with u = the stream's [0, 1) uniform.</summary>
    public static void Symmetric<T>(Span<T> destination, double a, ref CounterRng rng) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            rng.FillUniform(MemoryMarshal.Cast<T, float>(destination));
        else
            rng.FillUniform(MemoryMarshal.Cast<T, double>(destination));
        // 2u − 1 is exact; one rounding in the multiplication by a.
        T two = T.CreateTruncating(2), scale = T.CreateTruncating(a);
        ScaleShift(destination, two, -T.One);
        ScaleShift(destination, scale, T.Zero);
    }

    /// <summary><c>x ← x·scale + shift</c> (separately rounded multiply and add).</summary>
    public static void ScaleShift<T>(Span<T> values, T scale, T shift) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<T>.Count)
        {
            var s = new Vector<T>(scale);
            var b = new Vector<T>(shift);
            var vectors = MemoryMarshal.Cast<T, Vector<T>>(values);
            for (int v = 0; v < vectors.Length; v++)
                vectors[v] = vectors[v] * s + b;
            i = vectors.Length * Vector<T>.Count;
        }
        for (; i < values.Length; i++)
            values[i] = values[i] * scale + shift;
    }
}
