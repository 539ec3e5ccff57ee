using System.Security.Cryptography;

namespace ReluKernels.Cli.Output;

/// <summary>A file an output was made from (a merged shard) with its own provenance.</summary>
/// <param name="File">The path as given.</param>
/// <param name="Sha256">Lower-case SHA-256 hex of its bytes.</param>
/// <param name="Provenance">How it was made.</param>
public sealed record ProvenanceInput(string File, string Sha256, Provenance Provenance);

/// <summary>A file written, by name within the output directory, with its SHA-256.</summary>
/// <param name="File">The file name.</param>
/// <param name="Sha256">Lower-case SHA-256 hex of its bytes.</param>
public sealed record ProvenanceOutput(string File, string Sha256);

/// <summary>
/// <c>{stem}.provenance.json</c>: how the result files beside it were made (<see cref="Output.Provenance"/>), from which
/// inputs, and each file's SHA-256, so a result can be reproduced and checked. Kept apart from the results so that those
/// stay byte-identical between runs; this file carries the date and command line, which differ.
/// </summary>
/// <param name="Provenance">This invocation.</param>
/// <param name="Inputs">Files the results were made from (shards of a merge), or empty.</param>
/// <param name="Files">The result files written.</param>
public sealed record ProvenanceSidecar(Provenance Provenance, IReadOnlyList<ProvenanceInput> Inputs, IReadOnlyList<ProvenanceOutput> Files)
{
    /// <summary>The sidecar's path for <paramref name="stem"/>.</summary>
    public static string PathFor(string stem) => stem + ".provenance.json";

    /// <summary>Hashes <paramref name="files"/> and writes the sidecar of the current invocation atomically.</summary>
    /// <returns>The sidecar's path.</returns>
    public static string Write(string stem, IEnumerable<string> files, IReadOnlyList<ProvenanceInput> inputs)
    {
        var sidecar = new ProvenanceSidecar(Provenance.Current, inputs, [.. files.Select(f => new ProvenanceOutput(Path.GetFileName(f), Sha256Of(f)))]);
        string path = PathFor(stem);
        AtomicFile.WriteText(path, Json.Serialize(sidecar));
        return path;
    }

    /// <summary>Lower-case SHA-256 hex of the file at <paramref name="path"/>.</summary>
    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
