#:project ../src/ReluKernels/ReluKernels.csproj
// Region-count table for docs/experiments/compositional.md: exact output linear regions on [0, 1] of random
// 1 → [4 × d] → 1 networks beside the compositional construction's 2^d, and where the construction stops resolving.
// Run: dotnet run tools/compositional-regions.cs -c Release
using ReluKernels;
using ReluKernels.Analysis;
using ReluKernels.Compositional;

const int Networks = 2000;
(string Name, IInitializer Init)[] inits = [("He normal, [W,b] ~ N(0, 2/(fan_in+1))", NormalInitializer.HeWithBias), ("PyTorch default U(±1/√fan_in)", UniformInitializer.PyTorchDefault)];
Console.WriteLine("| init | depth | 2^d | mean | min | Q1 | median | Q3 | max | one region |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
foreach (var (name, init) in inits)
    for (int d = 1; d <= 12; d++)
    {
        var s = RegionCountSurvey.Sample(init, 4, d, Networks, seed: 1);
        var q = s.Quantiles;
        Console.WriteLine($"| {name} | {d} | {s.ConstructionCount} | {s.Mean:F2} | {q.Min} | {q.Q1:0.#} | {q.Median:0.#} | {q.Q3:0.#} | {q.Max} | {s.SingleRegionFraction:P1} |");
    }

Console.WriteLine();
Console.WriteLine("construction, all peaks 1/2, Eq. (5) scales with s_0 = 1/8: depth, regions counted, 2^d");
for (int d = 16; d <= 24; d++)
{
    var peaks = Enumerable.Repeat(0.5, d + 1).ToArray();
    var scales = new double[d];
    DifferentiabilityCondition.Scales(peaks, 0.125, scales);
    var net = Unchecked(peaks.AsSpan(0, d), scales);
    var p = new double[new NetworkArchitecture(4, d).ParameterCount];
    net(p);
    int counted = LinearRegions.OutputRegionCount(new NetworkArchitecture(4, d), p, 0, 1, new PiecewiseLinearPropagator(4));
    Console.WriteLine($"{d} {counted} {1L << d}");
}

static Action<double[]> Unchecked(ReadOnlySpan<double> peaks, double[] scales)
{
    // CompositionalNetwork refuses depths above MaxDepth, the limit this probe measures, so it writes the weights with
    // the same formulas (CompositionalNetwork.WriteParameters) directly.
    var a = peaks.ToArray();
    return p =>
    {
        var arch = new NetworkArchitecture(4, a.Length);
        p.AsSpan().Clear();
        int w = arch.WeightOffset(1), b = arch.BiasOffset(1);
        p[w] = p[w + 1] = p[w + 2] = 1;
        p[b + 2] = -a[0];
        p[b + 3] = 1;
        for (int k = 0; k < a.Length; k++)
        {
            double r = k == 0 ? scales[0] : scales[k] / scales[k - 1], up = r / a[k], down = r / (a[k] * (1 - a[k]));
            w = arch.WeightOffset(k + 2);
            p[w] = 1; p[w + 1] = -up; p[w + 2] = down;
            if (k + 2 == arch.LayerCount) break;
            p[w + 5] = p[w + 9] = up; p[w + 6] = p[w + 10] = -down;
            p[w + 11] = -r * a[k + 1];
            p[w + 15] = r;
        }
    };
}
