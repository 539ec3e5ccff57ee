namespace ReluKernels.Generators.Tests;

/// <summary>
/// Every ```csharp block in README.md and the docs pages that show code compiles as a whole Program.cs (with the generator, no errors or
/// warnings) and runs to the end, so the documentation cannot rot. Snippets end with checks that throw if a claim in
/// them is wrong.
/// </summary>
public class DocumentationSnippetTests
{
    private static readonly string[] Files = ["README.md", "docs/api.md", "docs/analysis.md", "docs/experiments/training.md"];

    /// <summary>(file, index of the block in it): plain values, so each block is its own test case.</summary>
    public static TheoryData<string, int> Snippets =>
        [.. Files.SelectMany(f => Enumerable.Range(0, DocumentationSnippets.In(f).Length).Select(i => (f, i)))];

    [Theory]
    [MemberData(nameof(Snippets))]
    public void The_snippet_compiles_as_Program_cs_and_runs(string file, int index)
    {
        var snippet = DocumentationSnippets.In(file)[index];
        Assert.NotEmpty(DocumentationSnippets.Run(DocumentationSnippets.Compile(snippet))); // every snippet shows its result
    }

    [Fact]
    public void Each_file_has_snippets_to_check()
    {
        foreach (string file in Files)
            Assert.NotEmpty(DocumentationSnippets.In(file));
    }

    [Fact]
    public void A_snippet_with_types_before_statements_is_rejected()
    {
        // The mistake the README once had (CS8803): the harness must see it, or a green run proves nothing.
        var snippet = new DocumentationSnippet("inline", 1, "partial struct Net;\nSystem.Console.WriteLine(1);\n");
        Assert.Contains("CS8803", Assert.ThrowsAny<Exception>(() => DocumentationSnippets.Compile(snippet)).Message);
    }

    [Fact]
    public void A_snippet_whose_check_fails_fails_the_test()
    {
        var snippet = new DocumentationSnippet("inline", 1, "if (1 + 1 != 3) throw new InvalidOperationException(\"checked\");\n");
        Assert.Equal("checked", Assert.Throws<InvalidOperationException>(() => DocumentationSnippets.Run(DocumentationSnippets.Compile(snippet))).Message);
    }
}
