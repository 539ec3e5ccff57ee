using System.Diagnostics;

namespace ReluKernels.Cli.Tests;

/// <summary>What one run of the CLI produced.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the built <c>relukernels</c> (same configuration as this test assembly) in a child process.</summary>
internal static class Cli
{
    private static readonly string Dll = Locate();

    public static CliResult Run(params string[] args) => RunWithEnvironment(new Dictionary<string, string>(), args);

    /// <summary>Runs the CLI with extra environment variables (e.g. the .NET ISA switches).</summary>
    public static CliResult RunWithEnvironment(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        start.ArgumentList.Add(Dll);
        foreach (string a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A fresh directory for one test's output files.</summary>
    public static string TempDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "relukernels-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    // tests/ReluKernels.Cli.Tests/bin/<Configuration>/<tfm>/ → src/ReluKernels.Cli/bin/<Configuration>/<tfm>/ReluKernels.Cli.dll
    private static string Locate()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string tfm = here.Name, configuration = here.Parent!.Name;
        string repo = here.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        string dll = Path.Combine(repo, "src", "ReluKernels.Cli", "bin", configuration, tfm, "ReluKernels.Cli.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The CLI was not built where expected: {dll}");
    }
}
