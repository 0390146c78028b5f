using System.IO.Compression;

namespace TrialEvidence.TestSupport;

/// <summary>Registry records damaged as an attacker or an unlucky download would damage them.</summary>
public static class HostileRecords
{
    /// <summary>
    /// The study with a field no parser reads, <c>"unreadField": "..."</c>, put first, holding
    /// <paramref name="value"/> as raw bytes (which need not be UTF-8). The value starts at
    /// <c>ValueOffset</c> in the result.
    /// </summary>
    public static (byte[] Bytes, int ValueOffset) WithUnreadField(byte[] study, ReadOnlySpan<byte> value)
    {
        var open = Array.IndexOf(study, (byte)'{');
        byte[] name = [.. "\"unreadField\": \""u8];
        byte[] bytes = [.. study.AsSpan(0, open + 1), .. name, .. value, .. "\", "u8, .. study.AsSpan(open + 1)];
        return (bytes, open + 1 + name.Length);
    }

    /// <summary>
    /// A zip holding <paramref name="entryName"/>: an array whose one study has a string of
    /// <paramref name="stringBytes"/> letters, written in pieces (it compresses to almost nothing).
    /// Returns the offset of the study in the entry.
    /// </summary>
    public static int WriteZipWithHugeStudy(string zipPath, string entryName, long stringBytes)
    {
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        using var entry = zip.CreateEntry(entryName, CompressionLevel.Fastest).Open();
        var prefix = "[\n  "u8;
        entry.Write(prefix);
        entry.Write("{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT09999999\", \"briefTitle\": \""u8);
        var piece = new byte[1024 * 1024];
        Array.Fill(piece, (byte)'a');
        for (var left = stringBytes; left > 0; left -= piece.Length)
        {
            entry.Write(piece, 0, (int)Math.Min(left, piece.Length));
        }

        entry.Write("\"}}}\n]\n"u8);
        return prefix.Length;
    }
}
