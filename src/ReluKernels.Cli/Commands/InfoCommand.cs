using System.CommandLine;
using ReluKernels.Cli.Info;
using Spectre.Console;

namespace ReluKernels.Cli.Commands;

/// <summary><c>relukernels info</c>: prints the runtime, machine and the kernel path that would run.</summary>
public static class InfoCommand
{
    /// <summary>Creates the <c>info</c> subcommand.</summary>
    public static Command Create()
    {
        var command = new Command("info", "Show the .NET runtime, OS, cores and the SIMD kernel path this machine runs.");
        command.SetAction(_ => Run(AnsiConsole.Console));
        return command;
    }

    /// <summary>Writes the info table to <paramref name="console"/>.</summary>
    public static int Run(IAnsiConsole console)
    {
        console.Write(BuildTable(MachineInfo.Current()));
        return ExitCodes.Success;
    }

    /// <summary>A two-column table of <paramref name="info"/>; cells are plain text, never markup.</summary>
    public static Table BuildTable(MachineInfo info)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Property").AddColumn("Value");
        void Row(string name, string value) => table.AddRow(new Text(name), new Text(value));
        static string YesNo(bool value) => value ? "yes" : "no";

        Row(".NET", info.Runtime);
        Row("OS", info.OperatingSystem);
        Row("Architecture", info.ProcessArchitecture.ToString());
        Row("Cores", info.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Row("Kernel path (best)", info.BestKernelPath.ToString());
        Row("Vector512 accelerated", YesNo(info.Vector512Accelerated));
        Row("Vector256 accelerated", YesNo(info.Vector256Accelerated));
        Row("Vector128 accelerated", YesNo(info.Vector128Accelerated));
        Row("AdvSimd (NEON)", YesNo(info.AdvSimd));
        Row("Avx512F", YesNo(info.Avx512F));
        Row("Avx2", YesNo(info.Avx2));
        Row("Fma", YesNo(info.Fma));
        return table;
    }
}
