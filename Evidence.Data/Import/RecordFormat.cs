using System.Text;
using TrialEvidence.Data.Registries;

namespace TrialEvidence.Data.Import;

/// <summary>What a source holds, told from its first bytes, not its name.</summary>
public enum RecordFormat
{
    /// <summary>ClinicalTrials.gov API v2 JSON: one study, an array, a page, or NDJSON.</summary>
    Json,

    /// <summary>A WHO ICTRP "Export results to XML" file (<see cref="WhoIctrpXml"/>).</summary>
    WhoIctrpXml,

    /// <summary>ChiCTR's XML download of a trial (<see cref="Registries.ChiCtrXml"/>).</summary>
    ChiCtrXml,

    /// <summary>A ChiCTR trial page (<see cref="Registries.ChiCtrPage"/>); its search page is Unknown.</summary>
    ChiCtrPage,

    /// <summary>An EUCTR protocol page (<see cref="Registries.EuctrProtocolPage"/>); its search page is Unknown.</summary>
    EuctrProtocolPage,

    /// <summary>EUCTR's full-text download, one record per trial and member state (<see cref="Registries.EuctrFullText"/>).</summary>
    EuctrFullText,

    /// <summary>None of these (a search page, a README): in a folder it is passed over; named on its own it is read as JSON, which refuses it with the position of the first byte that is not.</summary>
    Unknown,
}

public static class RecordFormats
{
    /// <summary>Enough to tell JSON by its first byte, the usual file of a folder, in one small read.</summary>
    private const int FirstPeek = 4 * 1024;

    /// <summary>
    /// How many bytes are read to tell another format: registry pages name what they are only
    /// after their scripts, styles and menus (an EUCTR protocol page after 14 KB; a page saved
    /// whole, with its styles inlined, much later).
    /// </summary>
    private const int Peek = 1024 * 1024;

    public static RecordFormat Detect(string file)
    {
        using var stream = File.OpenRead(file);
        var buffer = new byte[FirstPeek];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read == buffer.Length && Detect(buffer) != RecordFormat.Json)
        {
            Array.Resize(ref buffer, Peek);
            read += stream.ReadAtLeast(buffer.AsSpan(read), Peek - read, throwOnEndOfStream: false);
        }

        return Detect(buffer.AsSpan(0, read));
    }

    public static RecordFormat Detect(ReadOnlySpan<byte> start)
    {
        var text = Decoded(start).TrimStart(' ', '\t', '\r', '\n', '\uFEFF');
        if (text.Length == 0)
        {
            return RecordFormat.Unknown;
        }

        if (text[0] is '{' or '[')
        {
            return RecordFormat.Json;
        }

        if (text[0] != '<')
        {
            return EuctrFullText.IsFullText(text) ? RecordFormat.EuctrFullText : RecordFormat.Unknown;
        }

        return text.Contains("<" + WhoIctrpXml.RootElement, StringComparison.Ordinal) ? RecordFormat.WhoIctrpXml
            : text.Contains("<" + ChiCtrXml.TrialElement + ">", StringComparison.Ordinal) ? RecordFormat.ChiCtrXml
            : ChiCtrPage.IsTrialPage(text) ? RecordFormat.ChiCtrPage
            : EuctrProtocolPage.IsProtocolPage(text) ? RecordFormat.EuctrProtocolPage
            : RecordFormat.Unknown;
    }

    /// <summary>
    /// The text to look for markers in: UTF-8, or a page saved in another encoding (UTF-16 by its
    /// byte order mark, else any bytes that are not UTF-8, read as Latin-1 for their ASCII
    /// markers). A page of another encoding is told as what it is, so its reader refuses it with
    /// its position (it must be UTF-8) instead of a folder passing it over in silence.
    /// </summary>
    private static string Decoded(ReadOnlySpan<byte> start) =>
        start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? Encoding.Unicode.GetString(start[2..])
        : start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? Encoding.BigEndianUnicode.GetString(start[2..])
        : System.Text.Unicode.Utf8.IsValid(start[..LastWhole(start)]) ? Encoding.UTF8.GetString(start)
        : Encoding.Latin1.GetString(start);

    /// <summary>The length of <paramref name="start"/> without a UTF-8 sequence the peek cut in two.</summary>
    private static int LastWhole(ReadOnlySpan<byte> start)
    {
        var end = start.Length;
        for (var back = 1; back <= 3 && end - back >= 0; back++)
        {
            var b = start[end - back];
            if ((b & 0xC0) != 0x80)
            {
                return (b & 0x80) == 0 ? end : end - back; // ASCII ends whole; a lead byte may start a cut sequence
            }
        }

        return end;
    }
}
