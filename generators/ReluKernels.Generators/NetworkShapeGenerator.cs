using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReluKernels.Generators.Emit;

namespace ReluKernels.Generators;

/// <summary>
/// Emits SIMD kernels for every type annotated with <c>[NetworkShape]</c>: parse (<c>.Parser.cs</c>) → equatable
/// <see cref="Model.NetworkSpec"/> → emit (<c>Emit/</c>). Diagnostics travel on their own branch so that a change in
/// diagnostics alone does not regenerate source, and vice versa.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class NetworkShapeGenerator : IIncrementalGenerator
{
    internal const string AttributeMetadataName = "ReluKernels.NetworkShapeAttribute";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeMetadataName,
                predicate: static (node, _) => node is TypeDeclarationSyntax,
                transform: static (ctx, ct) => Parse(ctx, ct))
            .WithTrackingName(TrackingNames.Parse);

        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .Where(static d => !d.IsEmpty)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (var item in items)
                spc.ReportDiagnostic(item.ToDiagnostic());
        });

        var specs = parsed
            .Where(static result => result.Spec is not null)
            .Select(static (result, _) => result.Spec!)
            .WithTrackingName(TrackingNames.Specs);
        context.RegisterSourceOutput(specs, static (spc, spec) =>
            spc.AddSource(NetworkEmitter.HintName(spec), NetworkEmitter.Emit(spec, spc.CancellationToken)));
    }
}
