using Microsoft.CodeAnalysis;

namespace ReluKernels.Generators.Diagnostics;

/// <summary>Every diagnostic the generator reports. Ids are consecutive; docs/diagnostics.md describes each one.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "ReluKernels";
    // No help link: Roslyn expects an absolute URL, and the project has no public address for docs/diagnostics.md yet.
    private const string? HelpLink = null;

    /// <summary>RK0001: "The type '{0}' has [NetworkShape] but is not declared partial".</summary>
    public static readonly DiagnosticDescriptor NotPartial = Error("RK0001", "Network shape type must be partial",
        "The type '{0}' has [NetworkShape] but is not declared partial; add the 'partial' modifier so the generated kernels can be added to it");

    /// <summary>RK0002: "The type '{0}' cannot hold generated kernels: {1}".</summary>
    public static readonly DiagnosticDescriptor UnsupportedContainer = Error("RK0002", "Unsupported network shape container",
        "The type '{0}' cannot hold generated kernels: {1}");

    /// <summary>RK0003: "Width {0} is outside the supported range {1}..{2}".</summary>
    public static readonly DiagnosticDescriptor WidthOutOfRange = Error("RK0003", "Width out of range",
        "Width {0} is outside the supported range {1}..{2}");

    /// <summary>RK0004: "Depth {0} is outside the supported range {1}..{2}".</summary>
    public static readonly DiagnosticDescriptor DepthOutOfRange = Error("RK0004", "Depth out of range",
        "Depth {0} is outside the supported range {1}..{2} (depth counts hidden layers)");

    /// <summary>RK0005: "{0} {1} is outside the supported range {2}..{3}".</summary>
    public static readonly DiagnosticDescriptor DimensionOutOfRange = Error("RK0005", "Input or output dimension out of range",
        "{0} {1} is outside the supported range {2}..{3}");

    /// <summary>RK0006: "{0} value {1} is not a defined {0}; supported: {2}".</summary>
    public static readonly DiagnosticDescriptor UnknownOption = Error("RK0006", "Unknown option value",
        "{0} value {1} is not a defined {0}; supported: {2}");

    /// <summary>RK0007 (info): "Width {0} exceeds {1}: the kernels of '{2}' use loops instead of full unrolling".</summary>
    public static readonly DiagnosticDescriptor LoopedKernels = new("RK0007", "Kernels not fully unrolled",
        "Width {0} exceeds {1}: the kernels of '{2}' use loops over neurons instead of full unrolling (still SIMD over samples or networks)",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpLink);

    /// <summary>RK0008: "The type '{0}' has more than one [NetworkShape] attribute".</summary>
    public static readonly DiagnosticDescriptor DuplicateShape = Error("RK0008", "Duplicate network shape",
        "The type '{0}' has more than one [NetworkShape] attribute (across its partial declarations); keep one, no kernels are generated until then");

    /// <summary>RK0009: "ActivationParameter {0} is invalid for {1}: {2}".</summary>
    public static readonly DiagnosticDescriptor InvalidActivationParameter = Error("RK0009", "Invalid activation parameter",
        "ActivationParameter {0} is invalid for {1}: {2}");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink,
            customTags: WellKnownDiagnosticTags.NotConfigurable);
}
