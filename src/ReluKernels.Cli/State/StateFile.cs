using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ReluKernels.Cli.Output;

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

    /// <summary>Reads a state file of <paramref name="command"/> and checks its kind, version, shard and checksum.</summary>
    /// <exception cref="UsageException">Missing, unreadable, not a state file, another version or command, or modified.</exception>
    public static StateEnvelope<TPayload> Load<TPayload>(string path, string command)
    {
        if (Directory.Exists(path))
            throw new UsageException($"'{path}' is a directory, not a state file");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read '{path}': {ex.Message}");
        }
        CheckHeader(path, text);
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

    /// <summary>The command a state file belongs to, read after the same kind and version checks as <see cref="Load"/> (its checksum is checked by <see cref="Load"/>).</summary>
    /// <exception cref="UsageException">Missing, unreadable, a directory, not a state file, or another version.</exception>
    public static string CommandOf(string path)
    {
        if (Directory.Exists(path))
            throw new UsageException($"'{path}' is a directory, not a state file");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read '{path}': {ex.Message}");
        }
        CheckHeader(path, text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.TryGetProperty("command", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()!
            : throw new UsageException($"'{path}' is not a relukernels state file");
    }

    /// <summary>Kind and version first, so that an old or foreign file gets that message rather than a field-by-field one.</summary>
    private static void CheckHeader(string path, string text)
    {
        string? kind;
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
        }
        catch (JsonException ex)
        {
            throw new UsageException($"cannot read '{path}': {ex.Message}");
        }
        if (kind is not (Kind or KindOfVersion1))
            throw new UsageException($"'{path}' is not a relukernels state file");
        if (version != FormatVersion)
            throw new UsageException($"'{path}' has format version {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}; this build reads {FormatVersion}");
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
