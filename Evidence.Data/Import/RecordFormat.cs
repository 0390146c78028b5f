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
    /// <summary>
    /// How many bytes are read to tell the format: registry pages name what they are only after
    /// their scripts, styles and menus (an EUCTR protocol page after 14 KB).
    /// </summary>
    private const int Peek = 64 * 1024;

    public static RecordFormat Detect(string file)
    {
        using var stream = File.OpenRead(file);
        var buffer = new byte[Peek];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Detect(buffer.AsSpan(0, read));
    }

    public static RecordFormat Detect(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith("\uFEFF"u8))
        {
            start = start[3..];
        }

        start = start.TrimStart(" \t\r\n"u8);
        if (start.IsEmpty)
        {
            return RecordFormat.Unknown;
        }

        if (start[0] is (byte)'{' or (byte)'[')
        {
            return RecordFormat.Json;
        }

        var text = Encoding.UTF8.GetString(start);
        if (start[0] != (byte)'<')
        {
            return EuctrFullText.IsFullText(text) ? RecordFormat.EuctrFullText : RecordFormat.Unknown;
        }

        return text.Contains("<" + WhoIctrpXml.RootElement, StringComparison.Ordinal) ? RecordFormat.WhoIctrpXml
            : text.Contains("<" + ChiCtrXml.TrialElement + ">", StringComparison.Ordinal) ? RecordFormat.ChiCtrXml
            : ChiCtrPage.IsTrialPage(text) ? RecordFormat.ChiCtrPage
            : EuctrProtocolPage.IsProtocolPage(text) ? RecordFormat.EuctrProtocolPage
            : RecordFormat.Unknown;
    }
}
