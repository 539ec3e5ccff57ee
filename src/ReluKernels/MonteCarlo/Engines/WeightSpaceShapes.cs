namespace ReluKernels.MonteCarlo.Engines;

// The shapes whose generated weight-space step (IWeightSpaceStep) the weight-space engine runs for widths 2..16, the
// widths the collapse studies sweep. Bias-free and depth 1, the cheapest shapes to generate: the step uses only the
// width, and the kernels that come with every shape are never called. Other widths run the hand-written
// WeightSpaceStepper.

/// <summary>Generated weight-space step of width 2.</summary>
[NetworkShape(2, 1, Bias = false)] internal partial struct CollapseWidth2;

/// <summary>Generated weight-space step of width 3.</summary>
[NetworkShape(3, 1, Bias = false)] internal partial struct CollapseWidth3;

/// <summary>Generated weight-space step of width 4.</summary>
[NetworkShape(4, 1, Bias = false)] internal partial struct CollapseWidth4;

/// <summary>Generated weight-space step of width 5.</summary>
[NetworkShape(5, 1, Bias = false)] internal partial struct CollapseWidth5;

/// <summary>Generated weight-space step of width 6.</summary>
[NetworkShape(6, 1, Bias = false)] internal partial struct CollapseWidth6;

/// <summary>Generated weight-space step of width 7.</summary>
[NetworkShape(7, 1, Bias = false)] internal partial struct CollapseWidth7;

/// <summary>Generated weight-space step of width 8.</summary>
[NetworkShape(8, 1, Bias = false)] internal partial struct CollapseWidth8;

/// <summary>Generated weight-space step of width 9.</summary>
[NetworkShape(9, 1, Bias = false)] internal partial struct CollapseWidth9;

/// <summary>Generated weight-space step of width 10.</summary>
[NetworkShape(10, 1, Bias = false)] internal partial struct CollapseWidth10;

/// <summary>Generated weight-space step of width 11.</summary>
[NetworkShape(11, 1, Bias = false)] internal partial struct CollapseWidth11;

/// <summary>Generated weight-space step of width 12.</summary>
[NetworkShape(12, 1, Bias = false)] internal partial struct CollapseWidth12;

/// <summary>Generated weight-space step of width 13.</summary>
[NetworkShape(13, 1, Bias = false)] internal partial struct CollapseWidth13;

/// <summary>Generated weight-space step of width 14.</summary>
[NetworkShape(14, 1, Bias = false)] internal partial struct CollapseWidth14;

/// <summary>Generated weight-space step of width 15.</summary>
[NetworkShape(15, 1, Bias = false)] internal partial struct CollapseWidth15;

/// <summary>Generated weight-space step of width 16.</summary>
[NetworkShape(16, 1, Bias = false)] internal partial struct CollapseWidth16;

/// <summary>Picks the generated weight-space engine of an experiment's width.</summary>
internal static class WeightSpaceShapes
{
    /// <summary>The generated engine for <paramref name="experiment"/>'s width, or null if no shape of that width is generated.</summary>
    public static CollapseEngine? Engine(CollapseExperiment experiment) => experiment.Width switch
    {
        2 => new GeneratedWeightSpaceEngine<CollapseWidth2>(experiment),
        3 => new GeneratedWeightSpaceEngine<CollapseWidth3>(experiment),
        4 => new GeneratedWeightSpaceEngine<CollapseWidth4>(experiment),
        5 => new GeneratedWeightSpaceEngine<CollapseWidth5>(experiment),
        6 => new GeneratedWeightSpaceEngine<CollapseWidth6>(experiment),
        7 => new GeneratedWeightSpaceEngine<CollapseWidth7>(experiment),
        8 => new GeneratedWeightSpaceEngine<CollapseWidth8>(experiment),
        9 => new GeneratedWeightSpaceEngine<CollapseWidth9>(experiment),
        10 => new GeneratedWeightSpaceEngine<CollapseWidth10>(experiment),
        11 => new GeneratedWeightSpaceEngine<CollapseWidth11>(experiment),
        12 => new GeneratedWeightSpaceEngine<CollapseWidth12>(experiment),
        13 => new GeneratedWeightSpaceEngine<CollapseWidth13>(experiment),
        14 => new GeneratedWeightSpaceEngine<CollapseWidth14>(experiment),
        15 => new GeneratedWeightSpaceEngine<CollapseWidth15>(experiment),
        16 => new GeneratedWeightSpaceEngine<CollapseWidth16>(experiment),
        _ => null,
    };

    /// <summary>What reports call the code <see cref="Engine"/> runs for <paramref name="width"/>.</summary>
    public static string Code(int width) => width switch
    {
        2 => GeneratedWeightSpaceStepper<CollapseWidth2>.Code,
        3 => GeneratedWeightSpaceStepper<CollapseWidth3>.Code,
        4 => GeneratedWeightSpaceStepper<CollapseWidth4>.Code,
        5 => GeneratedWeightSpaceStepper<CollapseWidth5>.Code,
        6 => GeneratedWeightSpaceStepper<CollapseWidth6>.Code,
        7 => GeneratedWeightSpaceStepper<CollapseWidth7>.Code,
        8 => GeneratedWeightSpaceStepper<CollapseWidth8>.Code,
        9 => GeneratedWeightSpaceStepper<CollapseWidth9>.Code,
        10 => GeneratedWeightSpaceStepper<CollapseWidth10>.Code,
        11 => GeneratedWeightSpaceStepper<CollapseWidth11>.Code,
        12 => GeneratedWeightSpaceStepper<CollapseWidth12>.Code,
        13 => GeneratedWeightSpaceStepper<CollapseWidth13>.Code,
        14 => GeneratedWeightSpaceStepper<CollapseWidth14>.Code,
        15 => GeneratedWeightSpaceStepper<CollapseWidth15>.Code,
        16 => GeneratedWeightSpaceStepper<CollapseWidth16>.Code,
        _ => HandWrittenCode,
    };

    /// <summary>What reports call <see cref="WeightSpaceStepper"/>.</summary>
    public const string HandWrittenCode = "hand-written weight space";
}
