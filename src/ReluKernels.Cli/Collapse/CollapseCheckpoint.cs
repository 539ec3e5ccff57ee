namespace ReluKernels.Cli.Collapse;

/// <summary>Where a resumable run keeps its checkpoint, and the arguments a checkpoint there must have been made with.</summary>
/// <param name="Path">The checkpoint file (resumed if it exists).</param>
/// <param name="Config">This run's arguments.</param>
public sealed record CollapseCheckpoint(string Path, CollapseRunConfig Config);
