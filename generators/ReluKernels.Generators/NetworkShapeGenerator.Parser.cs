using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ReluKernels.Generators.Diagnostics;
using ReluKernels.Generators.Model;

namespace ReluKernels.Generators;

public sealed partial class NetworkShapeGenerator
{
    /// <summary>
    /// Turns one annotated declaration into a symbol-free <see cref="ParseResult"/>. Never throws on malformed input:
    /// every problem becomes a diagnostic, and a declaration with an error yields no spec. Attribute arguments the
    /// compiler could not bind (wrong types, missing arguments) are left to the compiler's own errors.
    /// </summary>
    private static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var declaration = (TypeDeclarationSyntax)context.TargetNode;
        var attribute = context.Attributes[0];
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var diagnostics = new List<DiagnosticInfo>();
        string typeName = type.ToDisplayString();

        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial, declaration.Identifier.GetLocation(), typeName));
        if (UnsupportedContainerReason(type, cancellationToken) is { } reason)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedContainer, declaration.Identifier.GetLocation(), typeName, reason));

        if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 2 ||
            attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error))
            return new ParseResult(null, new EquatableArray<DiagnosticInfo>(diagnostics));

        var options = new AttributeOptions(attribute, attributeSyntax);
        int width = options.Positional(0);
        int depth = options.Positional(1);
        int inputDim = options.Named("InputDim", 1);
        int outputDim = options.Named("OutputDim", 1);
        bool bias = options.Named("Bias", true);
        bool outputActivation = options.Named("OutputActivation", false);
        int activation = options.Named("Activation", 0);
        int element = options.Named("ElementType", 0);

        if (width < ShapeLimits.MinWidth || width > ShapeLimits.MaxWidth)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WidthOutOfRange, options.LocationOf(0, "width"),
                width, ShapeLimits.MinWidth, ShapeLimits.MaxWidth));
        if (depth < ShapeLimits.MinDepth || depth > ShapeLimits.MaxDepth)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DepthOutOfRange, options.LocationOf(1, "depth"),
                depth, ShapeLimits.MinDepth, ShapeLimits.MaxDepth));
        foreach (var (name, value) in new[] { ("InputDim", inputDim), ("OutputDim", outputDim) })
        {
            if (value < ShapeLimits.MinDim || value > ShapeLimits.MaxDim)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DimensionOutOfRange, options.LocationOf(-1, name),
                    name, value, ShapeLimits.MinDim, ShapeLimits.MaxDim));
        }
        if (!Enum.IsDefined(typeof(ActivationKind), activation))
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownOption, options.LocationOf(-1, "Activation"),
                "Activation", activation, string.Join(", ", Enum.GetNames(typeof(ActivationKind)))));
        if (!Enum.IsDefined(typeof(ElementKind), element))
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownOption, options.LocationOf(-1, "ElementType"),
                "ElementType", element, string.Join(", ", Enum.GetNames(typeof(ElementKind)))));

        if (diagnostics.Count > 0)
            return new ParseResult(null, new EquatableArray<DiagnosticInfo>(diagnostics));

        cancellationToken.ThrowIfCancellationRequested();
        var spec = new NetworkSpec(Hierarchy(type), width, depth, inputDim, outputDim, bias, outputActivation,
            (ActivationKind)activation, (ElementKind)element, attributeSyntax?.ToString() ?? "NetworkShape");
        if (!spec.Unrolled)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LoopedKernels, attributeSyntax?.GetLocation(),
                width, ShapeLimits.MaxUnrolledWidth, typeName));
        return new ParseResult(spec, new EquatableArray<DiagnosticInfo>(diagnostics));
    }

    /// <summary>Why the type cannot receive generated members, or null when it can.</summary>
    private static string? UnsupportedContainerReason(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.Arity > 0)
            return "generic types are not supported (a shape is a fixed, concrete type)";
        if (type.IsStatic)
            return "a static class cannot implement IReluNetwork";
        if (type.IsRefLikeType)
            return "a ref struct cannot be used as the type argument of generic drivers";
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.IsGenericType)
                return $"it is nested in the generic type '{outer.ToDisplayString()}'";
            bool partial = outer.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax(cancellationToken))
                .OfType<TypeDeclarationSyntax>()
                .Any(d => d.Modifiers.Any(SyntaxKind.PartialKeyword));
            if (!partial)
                return $"its containing type '{outer.ToDisplayString()}' is not partial";
        }
        return null;
    }

    private static TypeHierarchy Hierarchy(INamedTypeSymbol type)
    {
        var containers = new List<ContainingType>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            containers.Insert(0, Declaration(outer));
        string ns = type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString();
        string metadataName = (ns.Length == 0 ? "" : ns + ".") +
            string.Join("+", containers.Select(c => c.Name).Concat(new[] { type.Name }));
        return new TypeHierarchy(ns, new EquatableArray<ContainingType>(containers), Declaration(type), metadataName);
    }

    private static ContainingType Declaration(INamedTypeSymbol type)
    {
        string keyword = (type.IsRecord, type.TypeKind) switch
        {
            (true, TypeKind.Struct) => "record struct",
            (true, _) => "record",
            (false, TypeKind.Struct) => "struct",
            _ => "class",
        };
        return new ContainingType(keyword, type.Name);
    }

    /// <summary>Reads the attribute's values and finds the syntax of each argument, to put diagnostics on it.</summary>
    private readonly struct AttributeOptions(AttributeData data, AttributeSyntax? syntax)
    {
        public int Positional(int index) => data.ConstructorArguments[index].Value is int value ? value : 0;

        public TValue Named<TValue>(string name, TValue fallback)
        {
            foreach (var pair in data.NamedArguments)
                if (pair.Key == name && pair.Value.Value is TValue value)
                    return value;
            return fallback;
        }

        /// <summary>The argument at <paramref name="position"/> or named <paramref name="name"/>; the attribute when not found.</summary>
        public Location? LocationOf(int position, string name)
        {
            if (syntax?.ArgumentList is not { } list)
                return syntax?.GetLocation();
            var match = list.Arguments.FirstOrDefault(a =>
                a.NameEquals?.Name.Identifier.Text == name || a.NameColon?.Name.Identifier.Text == name);
            if (match is null && position >= 0)
                match = list.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ElementAtOrDefault(position);
            return (match ?? (SyntaxNode)syntax).GetLocation();
        }
    }
}
