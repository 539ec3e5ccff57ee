#:project ../../src/ReluKernels.Cli/ReluKernels.Cli.csproj
#:property PublishAot=false
// PublishAot is on by default for file-based apps and turns off the reflection-based JSON the CLI uses.
// Writes the N shard files of one `collapse` run into a directory, in one process, to time `relukernels merge` on
// many files (docs/scale-out.md#cost). Running `relukernels collapse --shard k/N` N times would cost N process starts;
// this calls the same CollapseCommand.Run in a loop instead, so the files are exactly what the CLI writes.
// Each shard gets one Monte-Carlo block. Usage: dotnet run benchmarks/merge-scale/make-shards.cs -- N DIR > /dev/null
using ReluKernels.Cli.Collapse;
using ReluKernels.Cli.Output;
using ReluKernels.Experiments;
using ReluKernels.MonteCarlo;
using ReluKernels.MonteCarlo.Engines;

if (args.Length != 2 || !int.TryParse(args[0], out int count) || count < 2)
{
    Console.Error.WriteLine("usage: make-shards.cs N DIR   (N >= 2 shard files of one run, written into DIR)");
    return 2;
}
string directory = args[1];
Directory.CreateDirectory(directory);
int[] widths = [2, 3], depths = [.. Enumerable.Range(1, 20)];
for (int k = 0; k < count; k++)
{
    var options = new MonteCarloOptions { Trials = (long)count * MonteCarloOptions.DefaultBlockSize, Seed = 1, Threads = 1, Shard = new Shard(k, count) };
    var settings = new CollapseSettings(widths, depths, WeightDistribution.HeNormal, CollapseDefaults.BiasStd, CollapseDefaults.Radius,
        CollapseDefaults.Probe, EngineKind.Auto, options, Checkpoint: null, directory, OutputFormat.Csv, NoPlot: true);
    if (CollapseCommand.Run(settings) != 0)
        return 1;
}
return 0;
