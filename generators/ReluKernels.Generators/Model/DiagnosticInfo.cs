using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ReluKernels.Generators.Model;

/// <summary>
/// A diagnostic as plain values. <see cref="Diagnostic"/> and <see cref="Location"/> are not usable in a cached model:
/// their equality is unreliable and a source location roots the compilation. The location is rebuilt at report time.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, string FilePath, TextSpan Span, LinePositionSpan LineSpan, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params object[] arguments)
    {
        var line = location?.GetLineSpan() ?? default;
        return new DiagnosticInfo(descriptor, line.Path ?? "", location?.SourceSpan ?? default, line.Span,
            new EquatableArray<string>(arguments.Select(a => a.ToString() ?? "")));
    }

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, FilePath.Length == 0 ? Location.None : Location.Create(FilePath, Span, LineSpan),
            Arguments.Cast<object>().ToArray());
}
