#:project ../../src/ReluKernels.Cli/ReluKernels.Cli.csproj
#:property PublishAot=false
// PublishAot is on by default for file-based apps and turns off the reflection-based JSON the CLI uses.
// Writes the N shard files of one `collapse` run into a directory, in one process, to time `relukernels merge` on
// many files (docs/scale-out.md#cost). Running `relukernels collapse --shard k/N` N times would cost N process starts;
// this calls the CLI's own entry point in a loop instead, so the files are exactly what the CLI writes.
// Each shard gets one Monte-Carlo block. Usage: dotnet run benchmarks/merge-scale/make-shards.cs -- N DIR > /dev/null
using System.Globalization;
using ReluKernels.Cli.Commands;
using ReluKernels.MonteCarlo;

if (args.Length != 2 || !int.TryParse(args[0], out int count) || count < 2)
{
    Console.Error.WriteLine("usage: make-shards.cs N DIR   (N >= 2 shard files of one run, written into DIR)");
    return 2;
}
string directory = args[1];
Directory.CreateDirectory(directory);
string trials = ((long)count * MonteCarloOptions.DefaultBlockSize).ToString(CultureInfo.InvariantCulture);
for (int k = 0; k < count; k++)
{
    string[] command = ["collapse", "--widths", "2,3", "--depths", "1..20", "--trials", trials, "--seed", "1", "--threads", "1",
        "--shard", $"{k}/{count}", "--out", directory, "--format", "csv", "--no-plot"];
    if (CliEntryPoint.Run(command, TextWriter.Null, Console.Error) != 0)
        return 1;
}
return 0;
