using ReluKernels.Cli.Output;

namespace ReluKernels.Cli.State;

/// <summary>
/// The command-independent part of a state file (a checkpoint or a shard's result): what it is, which command and
/// arguments made it, which shard it counts, how to reproduce it, the command's payload, and a SHA-256 checksum over the
/// canonical serialisation of everything else (<see cref="StateFile"/>). docs/reliability.md lists what is checked.
/// </summary>
/// <typeparam name="TPayload">The command's counts.</typeparam>
/// <param name="Kind">Always <see cref="StateFile.Kind"/>.</param>
/// <param name="FormatVersion">The format version (<see cref="StateFile.FormatVersion"/> when written by this build).</param>
/// <param name="Command">The command whose counts these are, e.g. <c>collapse</c>.</param>
/// <param name="Arguments">Canonical name → value of everything the counts depend on (<see cref="StateArguments"/>).</param>
/// <param name="Shard">The shard counted.</param>
/// <param name="Provenance">How the file was made.</param>
/// <param name="Payload">The counts.</param>
/// <param name="Checksum">Lower-case SHA-256 hex of the canonical serialisation with an empty checksum.</param>
public sealed record StateEnvelope<TPayload>(
    string Kind, int FormatVersion, string Command, IReadOnlyDictionary<string, string> Arguments, StateShard Shard,
    Provenance Provenance, TPayload Payload, string Checksum);
