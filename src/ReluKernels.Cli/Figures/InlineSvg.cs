using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ReluKernels.Cli.Figures;

/// <summary>
/// Makes an SVG file fit to sit inside an HTML page beside others: no XML declaration, ids prefixed so that two plots'
/// clip paths (ScottPlot numbers them the same in every file) do not resolve to each other, no reference to anything
/// outside the page, and a view box so that it scales to the page's width.
/// </summary>
public static partial class InlineSvg
{
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    /// <summary>The markup of the SVG <paramref name="svgText"/> with every id prefixed by <paramref name="idPrefix"/>.</summary>
    public static string From(string svgText, string idPrefix)
    {
        var root = XDocument.Parse(svgText).Root ?? throw new FormatException("The SVG has no root element.");
        foreach (var element in root.DescendantsAndSelf())
        {
            foreach (var attribute in element.Attributes().ToArray())
            {
                if (attribute.Name == "id")
                    attribute.Value = idPrefix + attribute.Value;
                else if (attribute.Name.LocalName == "href")
                {
                    // A local reference is kept (prefixed); an external one (file, network) would break "self-contained".
                    if (attribute.Value.StartsWith('#'))
                        attribute.Value = "#" + idPrefix + attribute.Value[1..];
                    else
                        attribute.Remove();
                }
                else if (attribute.Value.Contains("url(#", StringComparison.Ordinal))
                    attribute.Value = LocalUrl().Replace(attribute.Value, m => $"url(#{idPrefix}{m.Groups[1].Value})");
            }
        }
        if (root.Attribute("viewBox") is null && Number(root.Attribute("width")) is { } width && Number(root.Attribute("height")) is { } height)
            root.SetAttributeValue("viewBox", FormattableString.Invariant($"0 0 {width} {height}"));
        root.SetAttributeValue("width", "100%");
        root.SetAttributeValue("height", null);
        root.SetAttributeValue(XNamespace.Xmlns + "xlink", root.Descendants().Any(e => e.Attribute(XLink + "href") is not null) ? XLink.NamespaceName : null);
        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static double? Number(XAttribute? attribute) =>
        attribute is not null && double.TryParse(attribute.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;

    [GeneratedRegex(@"url\(#([^)]*)\)")]
    private static partial Regex LocalUrl();
}
