namespace ReluKernels.Generators.Model;

/// <summary>A type declaration the generated code re-opens: its keyword (<c>class</c>, <c>record struct</c>, …) and name.</summary>
/// <param name="Keyword">The declaration keyword(s).</param>
/// <param name="Name">The type name.</param>
internal sealed record ContainingType(string Keyword, string Name);
