using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace TrialEvidence.Data.Registries;

/// <summary>
/// What the readers of registry pages share: the page's text (UTF-8, refused with the line of
/// the first byte that is not), the page parsed with AngleSharp keeping each element's line, a
/// page cut short refused, and a cell's text as a browser shows it.
/// </summary>
internal static partial class RegistryPage
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsKeepingSourceReferences = true });

    /// <summary>The whole text of a page or download, without a byte order mark.</summary>
    /// <exception cref="RegistryFormatException">A byte that is not UTF-8, with its line and position.</exception>
    public static string ReadText(Stream source, string format)
    {
        using var buffer = new MemoryStream();
        source.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        var chars = new char[bytes.Length];
        if (Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            var before = bytes[..read];
            var line = before.Count((byte)'\n') + 1;
            var position = read - (before.LastIndexOf((byte)'\n') + 1) + 1;
            throw new RegistryFormatException(format, "a byte that is not UTF-8", line, position);
        }

        return new string(chars, 0, written);
    }

    /// <summary>The page parsed, each element knowing its line.</summary>
    /// <exception cref="RegistryFormatException">The page does not end with its closing &lt;/html&gt;: it was cut short (its end's line and position).</exception>
    public static IHtmlDocument Parse(string html, string format)
    {
        if (!html.TrimEnd().EndsWith("</html>", StringComparison.OrdinalIgnoreCase))
        {
            var (line, position) = PositionOf(html, html.Length);
            throw new RegistryFormatException(format, "the page ends before its closing </html>: it was cut short", line, position);
        }

        return Parser.ParseDocument(html);
    }

    /// <summary>The line and position (from 1) of a character of <paramref name="text"/>.</summary>
    public static (long Line, long Position) PositionOf(string text, int index)
    {
        var before = text.AsSpan(0, index);
        var lastBreak = before.LastIndexOf('\n');
        return (before.Count('\n') + 1, index - lastBreak);
    }

    /// <summary>Where an element starts in the page (line 1 when AngleSharp kept none).</summary>
    public static (long Line, long Position) PositionOf(IElement element) =>
        element.SourceReference?.Position is { } at ? (at.Line, at.Column) : (1, 1);

    /// <summary>
    /// The text of a cell as a browser shows it: runs of blanks (line ends and non-breaking spaces
    /// included) one space, a &lt;br&gt; or a row of a nested table a line of its own, empty lines
    /// dropped; elements of class <paramref name="skipClass"/> (the other language) left out. Null when empty.
    /// </summary>
    public static string? Text(IElement? cell, string? skipClass = null)
    {
        if (cell is null)
        {
            return null;
        }

        var text = new StringBuilder();
        Append(cell, text, skipClass);
        var lines = text.ToString().Split('\n').Select(line => WhiteSpaceRuns().Replace(line, " ").Trim()).Where(line => line.Length > 0);
        var joined = string.Join('\n', lines);
        return joined.Length == 0 ? null : joined;
    }

    private static void Append(INode node, StringBuilder text, string? skipClass)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText part)
            {
                // A line end in the source is a blank, as a browser shows it; only <br> and blocks break lines.
                text.Append(part.Data.Replace('\n', ' '));
            }
            else if (child is IElement element && (skipClass is null || !element.ClassList.Contains(skipClass)))
            {
                var ownLine = element.LocalName is "br" or "tr" or "p" or "div";
                text.Append(ownLine ? "\n" : string.Empty);
                Append(element, text, skipClass);
                text.Append(ownLine && element.LocalName != "br" ? "\n" : string.Empty);
            }
        }
    }

    /// <summary>Any run of white space, no-break spaces included (RegistryFields' blanks are runs of two spaces or tabs).</summary>
    [GeneratedRegex(@"[\s\u00A0]+")]
    private static partial Regex WhiteSpaceRuns();
}
