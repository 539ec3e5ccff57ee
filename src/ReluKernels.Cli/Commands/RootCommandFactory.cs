using System.CommandLine;

namespace ReluKernels.Cli.Commands;

/// <summary>Builds the <c>relukernels</c> command tree.</summary>
public static class RootCommandFactory
{
    /// <summary>The root command with every subcommand; with no subcommand it runs <c>collapse</c> with its options.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand("Deep narrow ReLU networks: generated SIMD kernels and experiments.")
        {
            HelpName = CliErrors.ProgramName,
        };
        root.Add(Collapse.CollapseCommand.Create(root));
        root.Add(SafeDepth.SafeDepthCommand.Create());
        root.Add(Trainability.TrainabilityCommand.Create());
        root.Add(Trainability.ActiveNeuronsCommand.Create());
        root.Add(TrainCollapse.TrainCollapseCommand.Create());
        root.Add(TrainRemedies.TrainRemediesCommand.Create());
        root.Add(TrainSuccess.TrainSuccessCommand.Create());
        root.Add(InitCompare.InitCompareCommand.Create());
        root.Add(Activations.ActivationsCommand.Create());
        root.Add(Compositional.CompositionalCommand.Create());
        root.Add(Conditioning.ConditioningCommand.Create());
        root.Add(TrainDepth.TrainDepthCommand.Create());
        root.Add(Degeneracy.DegeneracyCommand.Create());
        root.Add(LengthMap.LengthMapCommand.Create());
        root.Add(Merge.MergeCommand.Create());
        root.Add(Figures.FiguresCommand.Create());
        root.Add(InfoCommand.Create());
        return root;
    }
}
