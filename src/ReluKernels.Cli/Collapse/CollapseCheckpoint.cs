namespace ReluKernels.Cli.Collapse;

/// <summary>Where a resumable run keeps its checkpoint, and the arguments a checkpoint there must have been made with.</summary>
/// <typeparam name="TConfig">The command's config.</typeparam>
/// <param name="Path">The checkpoint file (resumed if it exists).</param>
/// <param name="Config">This run's arguments.</param>
public sealed record CollapseCheckpoint<TConfig>(string Path, TConfig Config) where TConfig : class, ICollapseGridConfig<TConfig>;
