using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReluKernels.Cli.Output;

/// <summary>The one JSON style of every output and state file: camelCase names, indented, enums as names.</summary>
public static class Json
{
    /// <summary>The serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Serialises <paramref name="value"/>.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>
    /// Writes <paramref name="items"/> to <paramref name="stream"/> as the JSON array <see cref="Serialize{T}"/> would
    /// give, one item at a time and flushed as it goes, so a long array is never held as one document.
    /// </summary>
    public static void WriteArray<T>(Stream stream, IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = Options.WriteIndented, Encoder = Options.Encoder });
        writer.WriteStartArray();
        foreach (var item in items)
        {
            JsonSerializer.Serialize(writer, item, Options);
            if (writer.BytesPending >= FlushBytes)
                writer.Flush();
        }
        writer.WriteEndArray();
    }

    private const int FlushBytes = 1 << 16;
}
