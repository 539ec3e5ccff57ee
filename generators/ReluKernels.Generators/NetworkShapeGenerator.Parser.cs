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

        // The attribute is not AllowMultiple, but the compiler's CS0579 does not stop this transform from running once
        // per annotated partial declaration: report every attribute after the type's first, and emit nothing.
        var duplicates = Duplicates(type, declaration, cancellationToken);
        if (duplicates.Count > 0 || HasDuplicates(type))
        {
            foreach (var duplicate in duplicates)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateShape, duplicate.GetLocation(), typeName));
            return new ParseResult(null, new EquatableArray<DiagnosticInfo>(diagnostics));
        }

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
        double? parameter = options.NamedOrNull<double>("ActivationParameter");

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
        else if (parameter is { } given && ActivationConstants.Problem((ActivationKind)activation, given) is { } problem)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidActivationParameter, options.LocationOf(-1, "ActivationParameter"),
                given.ToString("R", System.Globalization.CultureInfo.InvariantCulture), (ActivationKind)activation, problem));
        if (!Enum.IsDefined(typeof(ElementKind), element))
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownOption, options.LocationOf(-1, "ElementType"),
                "ElementType", element, string.Join(", ", Enum.GetNames(typeof(ElementKind)))));

        if (diagnostics.Count > 0)
            return new ParseResult(null, new EquatableArray<DiagnosticInfo>(diagnostics));

        cancellationToken.ThrowIfCancellationRequested();
        var spec = new NetworkSpec(Hierarchy(type), width, depth, inputDim, outputDim, bias, outputActivation,
            (ActivationKind)activation, parameter ?? ActivationConstants.DefaultParameter((ActivationKind)activation), (ElementKind)element, attributeSyntax is null ? "NetworkShape" : OneLine(attributeSyntax));
        if (!spec.Unrolled)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LoopedKernels, attributeSyntax?.GetLocation(),
                width, ShapeLimits.MaxUnrolledWidth, typeName));
        return new ParseResult(spec, new EquatableArray<DiagnosticInfo>(diagnostics));
    }

    private static IEnumerable<AttributeData> ShapeAttributes(INamedTypeSymbol type) =>
        type.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == AttributeMetadataName);

    private static bool HasDuplicates(INamedTypeSymbol type) => ShapeAttributes(type).Skip(1).Any();

    /// <summary>
    /// The attributes on <paramref name="declaration"/> that repeat the type's first <c>[NetworkShape]</c>. (The
    /// context's own attribute list holds those of every partial declaration, which would report each repeat once per
    /// declaration.)
    /// </summary>
    private static List<SyntaxNode> Duplicates(INamedTypeSymbol type, TypeDeclarationSyntax declaration,
        CancellationToken cancellationToken)
    {
        var references = ShapeAttributes(type).Select(a => a.ApplicationSyntaxReference).ToList();
        return references
            .Skip(1)
            .Where(r => r is not null && r.SyntaxTree == declaration.SyntaxTree && declaration.Span.Contains(r.Span))
            .Select(r => r!.GetSyntax(cancellationToken))
            .ToList();
    }

    /// <summary>
    /// The attribute as written, on one line: tokens joined by one space wherever the source had whitespace, line breaks
    /// or comments between them (none just inside parentheses or before a comma). It goes into a <c>//</c> comment of the generated header, where a line break would end
    /// the comment and turn the rest of the attribute into code.
    /// </summary>
    private static string OneLine(AttributeSyntax attribute)
    {
        var text = new System.Text.StringBuilder();
        SyntaxToken previous = default;
        foreach (var token in attribute.DescendantTokens())
        {
            bool separated = previous.HasTrailingTrivia || token.HasLeadingTrivia;
            bool hugs = previous.IsKind(SyntaxKind.OpenParenToken) || token.Kind() is SyntaxKind.CloseParenToken or SyntaxKind.CommaToken;
            if (text.Length > 0 && separated && !hugs)
                text.Append(' ');
            text.Append(token.Text);
            previous = token;
        }
        return text.ToString();
    }

    /// <summary>Why the type cannot receive generated members, or null when it can.</summary>
    private static string? UnsupportedContainerReason(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
            return $"only a class or struct can implement IReluNetwork, not {(type.TypeKind == TypeKind.Interface ? "an interface" : "a " + type.TypeKind.ToString().ToLowerInvariant())}";
        if (FileLocalScope(type) is { } fileLocal)
            return fileLocal.Equals(type, SymbolEqualityComparer.Default)
                ? "a file-local type cannot be extended from the generated file"
                : $"its containing type '{fileLocal.ToDisplayString()}' is file-local and cannot be extended from the generated file";
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

    /// <summary>The type itself or its innermost file-local container, or null when neither is file-local.</summary>
    private static INamedTypeSymbol? FileLocalScope(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
            if (t.IsFileLocal)
                return t;
        return null;
    }

    private static TypeHierarchy Hierarchy(INamedTypeSymbol type)
    {
        var containers = new List<INamedTypeSymbol>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            containers.Insert(0, outer);
        var namespaces = new List<string>();
        for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            namespaces.Insert(0, ns.Name);
        string metadataName = string.Join(".", namespaces) + (namespaces.Count == 0 ? "" : ".") +
            string.Join("+", containers.Select(c => c.Name).Concat(new[] { type.Name }));
        return new TypeHierarchy(string.Join(".", namespaces.Select(Identifier)),
            new EquatableArray<ContainingType>(containers.Select(Declaration)), Declaration(type), metadataName);
    }

    private static ContainingType Declaration(INamedTypeSymbol type)
    {
        string keyword = (type.IsRecord, type.TypeKind) switch
        {
            (true, TypeKind.Struct) => "record struct",
            (true, _) => "record",
            (false, TypeKind.Struct) => "struct",
            (false, TypeKind.Interface) => "interface",
            _ => "class",
        };
        return new ContainingType(keyword, Identifier(type.Name));
    }

    /// <summary>A name as C# source must spell it: <c>@event</c> for a keyword, <c>@record</c> for a contextual one.</summary>
    private static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;

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

        /// <summary>The named argument's value, or null when the attribute does not set it.</summary>
        public TValue? NamedOrNull<TValue>(string name) where TValue : struct
        {
            foreach (var pair in data.NamedArguments)
                if (pair.Key == name && pair.Value.Value is TValue value)
                    return value;
            return null;
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
