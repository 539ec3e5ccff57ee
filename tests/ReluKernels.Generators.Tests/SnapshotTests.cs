using System.Runtime.CompilerServices;

namespace ReluKernels.Generators.Tests;

/// <summary>
/// The whole emitted file of a few small shapes, compared exactly (line endings aside) with the files checked in under
/// <c>Snapshots/</c>. The structural tests say what must hold; these show every change to the emitted code in review.
/// After an intended change, rerun with <c>RELUKERNELS_UPDATE_SNAPSHOTS=1</c> to rewrite the files, and read the diff.
/// </summary>
public class SnapshotTests
{
    private const string UpdateVariable = "RELUKERNELS_UPDATE_SNAPSHOTS";

    public static TheoryData<string, string> Shapes => new()
    {
        { "Float2x1Bias", "[NetworkShape(2, 1)]" },
        { "Double2x2NoBias", "[NetworkShape(2, 2, ElementType = ElementType.Double, Bias = false)]" },
        { "Float1x1In2Out2", "[NetworkShape(1, 1, InputDim = 2, OutputDim = 2)]" },
        { "Float2x2Elu", "[NetworkShape(2, 2, Activation = Activation.ELU, ActivationParameter = 0.5)]" },
        { "Float1x2ErfOutAct", "[NetworkShape(1, 2, OutputActivation = true, Activation = Activation.NormalizedErf)]" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EmittedSource_MatchesTheCheckedInSnapshot(string name, string attribute)
    {
        var run = GeneratorHarness.Run($"using ReluKernels;\nnamespace Snapshots;\n\n{attribute}\npublic partial struct Net;");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.OutputProblems);
        string actual = Normalise(run.SingleSource);
        string path = Path.Combine(SnapshotDirectory(), name + ".g.cs.txt");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            string temporary = path + ".tmp";
            File.WriteAllText(temporary, actual);
            File.Move(temporary, path, overwrite: true);
            return;
        }

        Assert.True(File.Exists(path), $"No snapshot {path}; run the test with {UpdateVariable}=1 to create it.");
        string expected = Normalise(File.ReadAllText(path));
        if (expected != actual)
            Assert.Fail(DiffHint(path, expected, actual));
    }

    /// <summary>The first differing line of the two texts, with its neighbours, and how to accept the new output.</summary>
    internal static string DiffHint(string path, string expected, string actual)
    {
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        int line = 0;
        while (line < e.Length && line < a.Length && e[line] == a[line])
            line++;
        static string At(string[] lines, int i) => i < lines.Length ? lines[i] : "<end of file>";
        return $"""
            Emitted source differs from {path} at line {line + 1} (snapshot {e.Length} lines, emitted {a.Length}):
              snapshot: {At(e, line)}
              emitted:  {At(a, line)}
            If the change is intended, rerun with {UpdateVariable}=1 to rewrite the snapshots, then review the diff.
            """;
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string SnapshotDirectory([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Snapshots");

    [Fact]
    public void DiffHint_NamesTheFirstDifferingLineAndTheUpdateSwitch()
    {
        string hint = DiffHint("x.txt", "a\nb\nc", "a\nB\nc\nd");
        Assert.Contains("at line 2 (snapshot 3 lines, emitted 4)", hint);
        Assert.Contains("snapshot: b", hint);
        Assert.Contains("emitted:  B", hint);
        Assert.Contains(UpdateVariable + "=1", hint);
    }
}
