using System.Text;
using TrialEvidence.Data.Ingest;
using TrialEvidence.Data.Registries;
using TrialEvidence.Data.Registry;

namespace TrialEvidence.Euctr;

/// <summary>One page of EUCTR's full-text download: the member-state records of up to 20 trials.</summary>
internal static class EuctrDownloadPage
{
    /// <summary>
    /// Throws unless the page is a full-text download whose records are all whole. A download of
    /// no trial (the header alone) is a page, empty: the search may have lost a trial since it counted.
    /// </summary>
    /// <exception cref="RegistryFormatException">Not a full-text download, a record cut short, or not UTF-8.</exception>
    public static void Check(byte[] body)
    {
        if (IsEmpty(body))
        {
            return;
        }

        foreach (var _ in EuctrFullText.ReadTrials(new MemoryStream(body, writable: false)))
        {
        }
    }

    /// <summary>The page's records as studies to store, each with <paramref name="source"/> (the request).</summary>
    public static IngestBatch Read(byte[] body, string source, int maxRecordBytes)
    {
        var batch = new IngestBatch();
        if (IsEmpty(body))
        {
            return batch;
        }

        foreach (var study in EuctrFullText.ReadStudies(new MemoryStream(body, writable: false)))
        {
            if (study.Utf8.Length > maxRecordBytes)
            {
                throw new RecordTooLargeException(source, 0, study.Line, 0, maxRecordBytes);
            }

            batch.Add(study, source);
        }

        return batch;
    }

    /// <summary>The header line (its first sentence marks the format) and nothing but white space after it.</summary>
    private static bool IsEmpty(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body).TrimStart('\uFEFF');
        if (!EuctrFullText.IsFullText(text))
        {
            throw new RegistryFormatException(EuctrFullText.Format, "the answer does not begin with the download's header line: it is not a full-text download", 1, 1);
        }

        var lineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        return lineEnd < 0 || string.IsNullOrWhiteSpace(text[lineEnd..]);
    }
}
