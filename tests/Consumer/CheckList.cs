namespace Consumer;

/// <summary>Runs named checks, prints one PASS/FAIL line each and a final "N passed, N failed" line.</summary>
internal sealed class CheckList
{
    private int _passed;
    private int _failed;

    /// <summary>Whether any check failed.</summary>
    public bool AnyFailed => _failed > 0;

    /// <summary>Records <paramref name="name"/> as passed when <paramref name="check"/> returns null, else failed with its message.</summary>
    public void Run(string name, Func<string?> check)
    {
        string? failure;
        try
        {
            failure = check();
        }
        catch (Exception ex)
        {
            failure = $"{ex.GetType().Name}: {ex.Message}";
        }
        if (failure is null)
        {
            _passed++;
            Console.WriteLine($"PASS {name}");
        }
        else
        {
            _failed++;
            Console.WriteLine($"FAIL {name}: {failure}");
        }
    }

    /// <summary>Prints the totals in the form .ci/run's summary reads.</summary>
    public void PrintSummary() => Console.WriteLine($"{_passed} passed, {_failed} failed");
}
