using ReluKernels.Compositional;

namespace ReluKernels.Experiments.Compositional;

/// <summary>What a <see cref="CompositionalExperiment"/> runs; every value is validated when set (defaults: <see cref="CompositionalDefaults"/>).</summary>
public sealed record CompositionalSetup
{
    /// <summary>The curves, each with the wave sign to use.</summary>
    public required IReadOnlyList<CompositionalTarget> Targets
    {
        get;
        init => field = value is { Count: > 0 } ? value : throw new ArgumentException("At least one target is needed.", nameof(Targets));
    }

    /// <summary>Hidden layers, 1..<see cref="CompositionalNetwork.MaxDepth"/>.</summary>
    public int Depth
    {
        get;
        init
        {
            CompositionalNetwork.CheckDepth(value, nameof(Depth));
            field = value;
        }
    } = CompositionalDefaults.Depth;

    /// <summary>Evenly spaced training points on [0, 1], at least 2.</summary>
    public int Points
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 2, nameof(Points));
            field = value;
        }
    } = CompositionalDefaults.Points;

    /// <summary>Models per method and target, at least 1.</summary>
    public int Models
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(Models));
            field = value;
        }
    } = CompositionalDefaults.Models;

    /// <summary>Epochs per model, both stages together, at least 2.</summary>
    public int Epochs
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 2, nameof(Epochs));
            field = value;
        }
    } = CompositionalDefaults.Epochs;

    /// <summary>Stage-one epochs of the pretrained methods, 1..<see cref="Epochs"/> − 1 (checked by the experiment).</summary>
    public int PretrainingEpochs
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(PretrainingEpochs));
            field = value;
        }
    } = CompositionalDefaults.PretrainingEpochs;

    /// <summary>Adam's rate on the raw weights.</summary>
    public double LearningRate { get; init; } = CompositionalDefaults.LearningRate;

    /// <summary>Adam's rate in stage one.</summary>
    public double PretrainingLearningRate { get; init; } = CompositionalDefaults.PretrainingLearningRate;

    /// <summary>
    /// A fixed constructed start a_0..a_d (<see cref="Depth"/> + 1 peaks, each inside (<see cref="PeakScaleParameters.PeakMargin"/>,
    /// 1 − <see cref="PeakScaleParameters.PeakMargin"/>)) shared by every model, or null (the default) to draw each model's.
    /// </summary>
    public IReadOnlyList<double>? StartPeaks
    {
        get;
        init
        {
            if (value is not null)
                foreach (double a in value)
                    if (!(a > PeakScaleParameters.PeakMargin && a < 1 - PeakScaleParameters.PeakMargin))
                        throw new ArgumentException($"Start peak {a} is not inside ({PeakScaleParameters.PeakMargin}, {1 - PeakScaleParameters.PeakMargin}).", nameof(StartPeaks));
            field = value;
        }
    }

    /// <summary>Model r of every target and method draws from <c>CounterRng(Seed, r)</c>.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Worker threads; 0 uses every core. Results do not depend on it.</summary>
    public int Threads
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(Threads));
            field = value;
        }
    }

    /// <summary>The network, 1 → [4 × <see cref="Depth"/>] → 1.</summary>
    public NetworkArchitecture Architecture => new(CompositionalNetwork.Width, Depth);
}
