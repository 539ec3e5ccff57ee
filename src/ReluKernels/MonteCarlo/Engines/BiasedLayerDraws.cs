namespace ReluKernels.MonteCarlo.Engines;

/// <summary>
/// Draws the hidden layers of a biased experiment's networks for <see cref="PiecewiseLinearEngine"/>, one layer at a
/// time: W (row-major <c>[width, fanIn]</c>) and b, at full scale (with biases the ratio of weight to bias scale matters).
/// He-normal weights and random biases come from one <see cref="NormalChunk"/>: per layer the width·fanIn weight
/// normals, then (unless the biases are constant) the width bias normals. The other weight distributions draw through
/// their <see cref="LayerInitializer"/>, then the biases, straight from the stream, as the scalar engine always did.
/// </summary>
internal sealed class BiasedLayerDraws
{
    private readonly CollapseExperiment _experiment;
    private readonly LayerInitializer _initializer;
    private readonly NormalChunk? _normals;

    public BiasedLayerDraws(CollapseExperiment experiment)
    {
        _experiment = experiment;
        _initializer = WeightInitializers.For(experiment.Weights);
        _normals = experiment.Weights == WeightDistribution.HeNormal ? new NormalChunk(experiment.Width * (experiment.Width + 1)) : null;
    }

    /// <summary>Call before the first draw from a new stream: drops the buffered normals of the previous one.</summary>
    public void Restart() => _normals?.Restart();

    /// <summary>Draws hidden layer <paramref name="layer"/> (1-based; fan-in 1 for the first, else the width).</summary>
    /// <param name="layer">The layer, 1..depth.</param>
    /// <param name="weights">Receives width·fanIn weights.</param>
    /// <param name="biases">Receives width biases.</param>
    /// <param name="rng">The block's stream.</param>
    public void Draw(int layer, Span<double> weights, Span<double> biases, ref CounterRng rng)
    {
        var e = _experiment;
        int fanIn = layer == 1 ? 1 : e.Width;
        if (_normals is null)
        {
            DrawThroughInitializer(layer, fanIn, weights, biases, ref rng);
            return;
        }
        bool randomBiases = e.Bias != BiasDistribution.Constant;
        var normals = _normals.Take(weights.Length + (randomBiases ? biases.Length : 0), ref rng);
        double weightStd = Math.Sqrt(2.0 / fanIn);
        for (int k = 0; k < weights.Length; k++)
            weights[k] = normals[k] * weightStd;
        if (!randomBiases)
        {
            biases.Fill(e.BiasStd);
            return;
        }
        var biasNormals = normals[weights.Length..];
        for (int j = 0; j < biases.Length; j++)
            biases[j] = e.Bias == BiasDistribution.HalfNormal ? Math.Abs(biasNormals[j] * e.BiasStd) : biasNormals[j] * e.BiasStd;
    }

    private void DrawThroughInitializer(int layer, int fanIn, Span<double> weights, Span<double> biases, ref CounterRng rng)
    {
        var e = _experiment;
        if (e.Weights == WeightDistribution.Rai)
        {
            // RAI draws each row [W_j, b_j] itself.
            _initializer.DrawLayer(new LayerShape(layer, fanIn, e.Width, HasBias: true), weights, biases, ref rng);
            return;
        }
        _initializer.DrawLayer(new LayerShape(layer, fanIn, e.Width, HasBias: false), weights, Span<double>.Empty, ref rng);
        if (e.Bias == BiasDistribution.Constant)
        {
            biases.Fill(e.BiasStd);
            return;
        }
        rng.FillNormal(biases);
        InitDraw.ScaleShift<double>(biases, e.BiasStd, 0);
        if (e.Bias == BiasDistribution.HalfNormal)
            for (int j = 0; j < biases.Length; j++)
                biases[j] = Math.Abs(biases[j]);
    }
}
