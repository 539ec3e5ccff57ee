namespace ReluKernels.Experiments.Training;

// The shapes the training experiments run on generated kernels (float, biases, affine output). Any other shape trains on
// the generic kernel (TrainingKernels picks; the reports say which one ran). Internal: which shapes are generated is an
// implementation detail of the experiments, not API.

/// <summary>Lu et al.'s width-2 "10-layer" network on 1-D targets: 1 → [2 × 9] → 1 (nine ReLU layers and the affine output).</summary>
[NetworkShape(2, 9)] internal partial struct Narrow2x9;

/// <summary>Lu et al.'s width-4 "10-layer" network on the 2-D target [|x₁+x₂|, |x₁−x₂|]: 2 → [4 × 9] → 2.</summary>
[NetworkShape(4, 9, InputDim = 2, OutputDim = 2)] internal partial struct Narrow4x9In2Out2;

/// <summary>Shallow 1 → [2] → 1 (Shin &amp; Karniadakis 2020, §5.1).</summary>
[NetworkShape(2, 1)] internal partial struct Shallow2;

/// <summary>Shallow 1 → [3] → 1.</summary>
[NetworkShape(3, 1)] internal partial struct Shallow3;

/// <summary>Shallow 1 → [4] → 1.</summary>
[NetworkShape(4, 1)] internal partial struct Shallow4;

/// <summary>Shallow 1 → [5] → 1.</summary>
[NetworkShape(5, 1)] internal partial struct Shallow5;

/// <summary>Shallow 1 → [6] → 1.</summary>
[NetworkShape(6, 1)] internal partial struct Shallow6;

/// <summary>Shallow 1 → [8] → 1.</summary>
[NetworkShape(8, 1)] internal partial struct Shallow8;

/// <summary>Shallow 1 → [10] → 1.</summary>
[NetworkShape(10, 1)] internal partial struct Shallow10;

/// <summary>Shallow 1 → [12] → 1.</summary>
[NetworkShape(12, 1)] internal partial struct Shallow12;

/// <summary>Shallow 1 → [16] → 1.</summary>
[NetworkShape(16, 1)] internal partial struct Shallow16;

/// <summary>Milkert, Hyde &amp; Laine's compositional network (2023, §4.1): 1 → [4 × 5] → 1.</summary>
[NetworkShape(4, 5)] internal partial struct Compositional4x5;
