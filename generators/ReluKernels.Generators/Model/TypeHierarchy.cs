namespace ReluKernels.Generators.Model;

/// <summary>Where the annotated type lives, as plain strings: enough to re-open it in generated code.</summary>
/// <param name="Namespace">The namespace as source spells it (keywords escaped, e.g. <c>@event.Demo</c>), or empty for the global namespace.</param>
/// <param name="Containers">Enclosing types, outermost first.</param>
/// <param name="Type">The annotated type itself.</param>
/// <param name="MetadataName">Fully qualified metadata name, unescaped (e.g. <c>Demo.Outer+Narrow</c>), for the hint name and header.</param>
internal sealed record TypeHierarchy(string Namespace, EquatableArray<ContainingType> Containers, ContainingType Type, string MetadataName);
