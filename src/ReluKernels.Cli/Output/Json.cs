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
}
