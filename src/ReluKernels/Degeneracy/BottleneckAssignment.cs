namespace ReluKernels.Degeneracy;

/// <summary>
/// The bottleneck assignment: a permutation π minimising max_i cost[i, π(i)], by binary search over the distinct costs
/// with a perfect bipartite matching (augmenting paths) at each threshold. O(n² log n · n²) for n neurons: meant for
/// the small widths of this project, clarity over speed.
/// </summary>
internal static class BottleneckAssignment
{
    /// <summary>Returns the bottleneck value and π (row i is assigned column π[i]).</summary>
    public static (double Value, int[] Assignment) Solve(double[,] cost)
    {
        int n = cost.GetLength(0);
        var values = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                values[i * n + j] = cost[i, j];
        Array.Sort(values);
        int lo = 0, hi = values.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (Match(cost, values[mid]) is not null)
                hi = mid;
            else
                lo = mid + 1;
        }
        return (values[lo], Match(cost, values[lo])!);
    }

    /// <summary>A perfect matching using only entries ≤ <paramref name="threshold"/>, or null.</summary>
    private static int[]? Match(double[,] cost, double threshold)
    {
        int n = cost.GetLength(0);
        var columnOwner = new int[n];
        Array.Fill(columnOwner, -1);
        for (int i = 0; i < n; i++)
            if (!Augment(cost, threshold, i, new bool[n], columnOwner))
                return null;
        var assignment = new int[n];
        for (int j = 0; j < n; j++)
            assignment[columnOwner[j]] = j;
        return assignment;
    }

    private static bool Augment(double[,] cost, double threshold, int row, bool[] visited, int[] columnOwner)
    {
        for (int j = 0; j < visited.Length; j++)
        {
            if (visited[j] || !(cost[row, j] <= threshold))
                continue;
            visited[j] = true;
            if (columnOwner[j] < 0 || Augment(cost, threshold, columnOwner[j], visited, columnOwner))
            {
                columnOwner[j] = row;
                return true;
            }
        }
        return false;
    }
}
