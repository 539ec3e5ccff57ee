using System.Globalization;

namespace ReluKernels.Cli.Options;

/// <summary>Parses integer lists such as <c>2,3,4,5,10</c>, <c>1..20</c> or <c>1..5,10,20</c> (docs/cli.md).</summary>
public static class IntList
{
    /// <summary>The values in order of appearance, without duplicates.</summary>
    /// <exception cref="FormatException">Empty text, an empty item, a malformed number or a range whose start exceeds its end.</exception>
    public static int[] Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new FormatException("the list is empty");
        var values = new List<int>();
        foreach (string raw in text.Split(','))
        {
            string item = raw.Trim();
            int dots = item.IndexOf("..", StringComparison.Ordinal);
            if (dots < 0)
            {
                values.Add(Number(item, text));
                continue;
            }
            int start = Number(item[..dots], text), end = Number(item[(dots + 2)..], text);
            if (start > end)
                throw new FormatException($"'{item}' is an empty range: its start exceeds its end");
            if ((long)end - start >= 1_000_000)
                throw new FormatException($"'{item}' has more than a million values");
            for (int v = start; v <= end; v++)
                values.Add(v);
        }
        return [.. values.Distinct()];
    }

    /// <summary>
    /// <paramref name="values"/> as <see cref="Parse"/> reads them back: a run of <see cref="MinRangeLength"/> or more
    /// consecutive increasing values as a range (<c>2..10</c>), any other value on its own (<c>2,3,4,5,10</c>).
    /// </summary>
    public static string Format(IReadOnlyList<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var items = new List<string>();
        for (int start = 0, end; start < values.Count; start = end)
        {
            end = start + 1;
            while (end < values.Count && values[end] == values[end - 1] + 1)
                end++;
            if (end - start >= MinRangeLength)
                items.Add(string.Create(CultureInfo.InvariantCulture, $"{values[start]}..{values[end - 1]}"));
            else
                items.AddRange(values.Skip(start).Take(end - start).Select(v => v.ToString(CultureInfo.InvariantCulture)));
        }
        return string.Join(",", items);
    }

    /// <summary>The shortest run of consecutive values <see cref="Format"/> writes as a range; shorter runs read better spelled out.</summary>
    public const int MinRangeLength = 5;

    /// <summary>A comma-separated sequence such as <c>1,6,4,4</c>, in order and with repeats (no ranges): architectures, per-layer counts.</summary>
    /// <exception cref="FormatException">Empty text, an empty item or a malformed number.</exception>
    public static int[] ParseSequence(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new FormatException("the list is empty");
        return [.. text.Split(',').Select(item => Number(item, text))];
    }

    private static int Number(string item, string whole) =>
        int.TryParse(item.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new FormatException($"'{item.Trim()}' in '{whole}' is not an integer");
}
