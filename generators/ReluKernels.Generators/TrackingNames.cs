namespace ReluKernels.Generators;

/// <summary>Names of the tracked pipeline steps, so incrementality tests can assert each one is cached.</summary>
internal static class TrackingNames
{
    public const string Parse = nameof(Parse);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Specs = nameof(Specs);
}
