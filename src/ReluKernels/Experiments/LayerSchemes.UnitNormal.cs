using ReluKernels.Theory;

namespace ReluKernels.Experiments;

public static partial class LayerSchemes
{
    /// <summary>
    /// <see cref="LayerScheme.NormalWithUnitBias"/>: W and b i.i.d. N(0, 1) whatever the fan-in. <see cref="NormalInitializer"/>
    /// cannot express it (its variance is g/fan_in or g/(fan_in + 1) with one g for all layers). Draw order as there: W
    /// row-major, then b.
    /// </summary>
    private sealed class UnitNormalInitializer : LayerInitializer
    {
        public static UnitNormalInitializer Instance { get; } = new();

        protected override void InitializeLayer<T>(LayerShape layer, Span<T> weights, Span<T> biases, ref CounterRng rng)
        {
            InitDraw.Normal(weights, 1, ref rng);
            InitDraw.Normal(biases, 1, ref rng);
        }

        public override string ToString() => "Normal([W,b] ~ N(0, 1))";
    }
}
