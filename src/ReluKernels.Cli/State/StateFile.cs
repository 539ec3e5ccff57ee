using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ReluKernels.Cli.Output;
using ReluKernels.MonteCarlo;

namespace ReluKernels.Cli.State;

/// <summary>
/// Writes and reads <see cref="StateEnvelope{TPayload}"/> files. Writing is atomic and seals the file with its checksum;
/// reading refuses, with one <see cref="UsageException"/> line naming the file, anything that is not exactly such a
/// file of this format version and command with an intact checksum. The command checks its payload's own consistency.
/// </summary>
public static class StateFile
{
    /// <summary>The <c>kind</c> of every state file.</summary>
    public const string Kind = "relukernels-state";

    /// <summary>The format version this build writes and reads.</summary>
    public const int FormatVersion = 2;

    // Version 1 (collapse only) had this kind and a "version" field; recognising it turns "not a state file" into "old version".
    private const string KindOfVersion1 = "relukernels-collapse-state";

    // Unknown members and missing or null required ones are errors: a reader must not drop what a writer meant.
    private static readonly JsonSerializerOptions s_strict = new(Json.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static readonly JsonSerializerOptions s_canonical = new(s_strict) { WriteIndented = false };

    /// <summary>Writes a sealed state file atomically.</summary>
    public static void Save<TPayload>(string path, string command, IEnumerable<KeyValuePair<string, string>> arguments, StateShard shard, TPayload payload)
    {
        var envelope = Seal(new StateEnvelope<TPayload>(Kind, FormatVersion, command, StateArguments.Canonical(arguments), shard, Provenance.Current, payload, ""));
        AtomicFile.WriteText(path, JsonSerializer.Serialize(envelope, s_strict));
    }

    /// <summary>Writes a sealed state file of <typeparamref name="TConfig"/>'s command atomically.</summary>
    public static void Save<TConfig, TPayload>(string path, TConfig config, Shard shard, TPayload payload) where TConfig : class, IRunConfig<TConfig>
    {
        ArgumentNullException.ThrowIfNull(config);
        Save(path, TConfig.Command, config.ToArguments(), new StateShard(shard.Index, shard.Count), payload);
    }

    /// <summary>
    /// Reads a state file of <typeparamref name="TConfig"/>'s command, checks its envelope (<see cref="Load{TPayload}"/>), reads
    /// its arguments back into a config and has <paramref name="verify"/> check the payload against that config and the shard.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="verify">The runs of the payload, if consistent with the options and config; else an <see cref="ArgumentException"/> naming the problem.</param>
    /// <param name="complete">Whether a run is finished.</param>
    /// <exception cref="UsageException">The file is unreadable, foreign, modified or inconsistent (one line naming it and the problem).</exception>
    public static LoadedState<TConfig, TRun> Load<TPayload, TConfig, TRun>(string path,
        Func<TConfig, MonteCarloOptions, TPayload, IReadOnlyList<TRun>> verify, Func<TRun, bool> complete)
        where TConfig : class, IRunConfig<TConfig>
    {
        ArgumentNullException.ThrowIfNull(verify);
        ArgumentNullException.ThrowIfNull(complete);
        var envelope = Load<TPayload>(path, TConfig.Command);
        try
        {
            var config = TConfig.FromArguments(envelope.Arguments)
                ?? throw new ArgumentException($"its arguments are not those of a {TConfig.Command} run");
            var shard = new Shard(envelope.Shard.Index, envelope.Shard.Count);
            var options = config.Options(shard);
            options.Validate();
            var runs = verify(config, options, envelope.Payload);
            return new LoadedState<TConfig, TRun>(path, envelope.Arguments, config, shard, runs, runs.All(complete), envelope.Provenance);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"'{path}' is inconsistent: {ex.Message.TrimEnd('.')}");
        }
    }

    /// <summary>The command whose counts <paramref name="path"/> holds, after checking that it is a state file of this format version.</summary>
    /// <exception cref="UsageException">Missing, unreadable, not a state file or another version.</exception>
    public static string CommandOf(string path)
    {
        string text = ReadText(path);
        return CheckHeader(path, text) ?? throw new UsageException($"'{path}' is not a valid state file: it names no command");
    }

    /// <summary>Reads a state file of <paramref name="command"/> and checks its kind, version, shard and checksum.</summary>
    /// <exception cref="UsageException">Missing, unreadable, not a state file, another version or command, or modified.</exception>
    public static StateEnvelope<TPayload> Load<TPayload>(string path, string command)
    {
        string text = ReadText(path);
        // The command before the payload: a file of another command fails on its payload's fields otherwise.
        if (CheckHeader(path, text) is { } other && other != command)
            throw new UsageException($"'{path}' holds counts of '{other}', not of '{command}'");
        StateEnvelope<TPayload>? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<StateEnvelope<TPayload>>(text, s_strict);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new UsageException($"'{path}' is not a valid state file: {ex.Message}");
        }
        if (envelope is null)
            throw new UsageException($"'{path}' is not a relukernels state file");
        if (envelope.Checksum != ChecksumOf(envelope))
            throw new UsageException($"'{path}' was modified after it was written (checksum mismatch)");
        if (envelope.Command != command)
            throw new UsageException($"'{path}' holds counts of '{envelope.Command}', not of '{command}'");
        if (!envelope.Shard.IsValid)
            throw new UsageException($"'{path}' is inconsistent: shard {envelope.Shard} does not exist");
        return envelope;
    }

    private static string ReadText(string path)
    {
        if (Directory.Exists(path))
            throw new UsageException($"'{path}' is a directory, not a state file");
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read '{path}': {ex.Message}");
        }
    }

    /// <summary>Kind and version first, so that an old or foreign file gets that message rather than a field-by-field one.</summary>
    /// <returns>The <c>command</c> field, if it is a string.</returns>
    private static string? CheckHeader(string path, string text)
    {
        string? kind, command;
        int? version;
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new UsageException($"'{path}' is not a relukernels state file");
            kind = root.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            var versionField = root.TryGetProperty("formatVersion", out var v) ? v : root.TryGetProperty("version", out var v1) ? v1 : default;
            version = versionField.ValueKind == JsonValueKind.Number && versionField.TryGetInt32(out int n) ? n : null;
            command = root.TryGetProperty("command", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        }
        catch (JsonException ex)
        {
            throw new UsageException($"cannot read '{path}': {ex.Message}");
        }
        if (kind is not (Kind or KindOfVersion1))
            throw new UsageException($"'{path}' is not a relukernels state file");
        if (version != FormatVersion)
            throw new UsageException($"'{path}' has format version {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}; this build reads {FormatVersion}");
        return command;
    }

    /// <summary>
    /// The checksum <paramref name="envelope"/> must carry: SHA-256 over its compact JSON with the arguments in ordinal
    /// order and an empty checksum, so any change of a value changes it, whatever the file's layout.
    /// </summary>
    public static string ChecksumOf<TPayload>(StateEnvelope<TPayload> envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var unsealed = envelope with { Arguments = StateArguments.Canonical(envelope.Arguments), Checksum = "" };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(unsealed, s_canonical))));
    }

    private static StateEnvelope<TPayload> Seal<TPayload>(StateEnvelope<TPayload> envelope) =>
        envelope with { Arguments = StateArguments.Canonical(envelope.Arguments), Checksum = ChecksumOf(envelope) };
}
