namespace ReluKernels.Generators.Model;

/// <summary>A type declaration the generated code re-opens: its keyword (<c>class</c>, <c>record struct</c>, …) and name.</summary>
/// <param name="Keyword">The declaration keyword(s).</param>
/// <param name="Name">The type name as source spells it (<c>@struct</c> for a keyword).</param>
internal sealed record ContainingType(string Keyword, string Name);
