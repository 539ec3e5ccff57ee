namespace ReluKernels.Benchmarks;

// The Monte-Carlo benchmark grid (issue #3): widths {2,3,4,5,10,16} × depths {10,20,50} of ReLU layers, no biases,
// the last layer with ReLU. As generated shapes: depth − 1 hidden layers plus an output layer of `width` ReLU neurons.
[NetworkShape(2, 9, OutputDim = 2, OutputActivation = true, Bias = false)] public partial struct Collapse2x10;
[NetworkShape(2, 19, OutputDim = 2, OutputActivation = true, Bias = false)] public partial struct Collapse2x20;
[NetworkShape(2, 49, OutputDim = 2, OutputActivation = true, Bias = false)] public partial struct Collapse2x50;
[NetworkShape(3, 9, OutputDim = 3, OutputActivation = true, Bias = false)] public partial struct Collapse3x10;
[NetworkShape(3, 19, OutputDim = 3, OutputActivation = true, Bias = false)] public partial struct Collapse3x20;
[NetworkShape(3, 49, OutputDim = 3, OutputActivation = true, Bias = false)] public partial struct Collapse3x50;
[NetworkShape(4, 9, OutputDim = 4, OutputActivation = true, Bias = false)] public partial struct Collapse4x10;
[NetworkShape(4, 19, OutputDim = 4, OutputActivation = true, Bias = false)] public partial struct Collapse4x20;
[NetworkShape(4, 49, OutputDim = 4, OutputActivation = true, Bias = false)] public partial struct Collapse4x50;
[NetworkShape(5, 9, OutputDim = 5, OutputActivation = true, Bias = false)] public partial struct Collapse5x10;
[NetworkShape(5, 19, OutputDim = 5, OutputActivation = true, Bias = false)] public partial struct Collapse5x20;
[NetworkShape(5, 49, OutputDim = 5, OutputActivation = true, Bias = false)] public partial struct Collapse5x50;
[NetworkShape(10, 9, OutputDim = 10, OutputActivation = true, Bias = false)] public partial struct Collapse10x10;
[NetworkShape(10, 19, OutputDim = 10, OutputActivation = true, Bias = false)] public partial struct Collapse10x20;
[NetworkShape(10, 49, OutputDim = 10, OutputActivation = true, Bias = false)] public partial struct Collapse10x50;
[NetworkShape(16, 9, OutputDim = 16, OutputActivation = true, Bias = false)] public partial struct Collapse16x10;
[NetworkShape(16, 19, OutputDim = 16, OutputActivation = true, Bias = false)] public partial struct Collapse16x20;
[NetworkShape(16, 49, OutputDim = 16, OutputActivation = true, Bias = false)] public partial struct Collapse16x50;
