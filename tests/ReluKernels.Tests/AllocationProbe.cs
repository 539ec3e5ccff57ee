namespace ReluKernels.Tests;

/// <summary>
/// Measures the steady-state allocation of a piece of work on the current thread, for the "hot paths allocate nothing"
/// tests. Tiered compilation (call counting, on-stack replacement of loops) and first-use buffer growth can allocate a
/// few KB once, which made single measurements intermittent in CI; so the work is warmed up, then measured up to three
/// times and the least is returned. Work that allocates on every run shows up in all three.
/// </summary>
internal static class AllocationProbe
{
    public static long SteadyStateBytes(Action work, int warmUps = 2)
    {
        for (int i = 0; i < warmUps; i++)
            work();
        long least = long.MaxValue;
        for (int attempt = 0; attempt < 3 && least > 0; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            work();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }
}
