namespace ReluKernels.Cli.Sampling;

/// <summary>One experiment's run of a tally-based command (one width, one scheme): its running total and progress.</summary>
/// <typeparam name="TTally">The experiment's tally.</typeparam>
/// <param name="Tally">The counts of the shard's first <paramref name="BlocksDone"/> blocks.</param>
/// <param name="BlocksDone">The shard's blocks counted.</param>
/// <param name="Complete">Whether all the shard's blocks are counted.</param>
public sealed record TallyRun<TTally>(TTally Tally, long BlocksDone, bool Complete);

/// <summary>
/// Continues one run: adds the shard's blocks from <paramref name="blocksDone"/> on into <paramref name="total"/> (e.g.
/// <c>FirstLayerSampler.Continue</c>), telling <paramref name="afterRound"/> the blocks done after each round.
/// </summary>
/// <typeparam name="TTally">The experiment's tally.</typeparam>
/// <returns>The blocks now in <paramref name="total"/>, and whether the run is finished.</returns>
public delegate (long BlocksDone, bool Complete) ContinueRun<in TTally>(TTally total, long blocksDone, Action<long> afterRound, CancellationToken cancellation);
