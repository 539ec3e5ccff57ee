namespace ReluKernels.Cli.Output;

/// <summary>What a command prints on standard output. Files under <c>--out</c> are written in every format regardless.</summary>
public enum OutputFormat
{
    /// <summary>A human-readable table.</summary>
    Table,

    /// <summary>The CSV file's content.</summary>
    Csv,

    /// <summary>The JSON file's content.</summary>
    Json,
}
