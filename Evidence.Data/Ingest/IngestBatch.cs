using TrialEvidence.Data.Registry;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Ingest;

/// <summary>
/// Studies on their way into the database: those that parsed, ready to store, and those refused
/// with the reason. Every reader (file, zip entry, registry page, single study) fills one the same way.
/// </summary>
public sealed class IngestBatch(int capacity = 0)
{
    private readonly List<IncomingStudy> _studies = new(capacity);
    private readonly List<Rejection> _rejections = [];

    public IReadOnlyList<IncomingStudy> Studies => _studies;

    public IReadOnlyList<Rejection> Rejections => _rejections;

    /// <summary>Studies read into the batch: stored or refused one by one (whole sources refused are not studies read).</summary>
    public long Read { get; private set; }

    /// <summary>Raw JSON held by the parsed studies, so a reader can bound a batch's memory.</summary>
    public long Bytes { get; private set; }

    /// <summary>Studies refused one by one (a whole source refused is not counted here).</summary>
    public long RejectedStudies { get; private set; }

    /// <summary>Parses one study of <paramref name="source"/>; one that is not a usable record is refused, named "source#index".</summary>
    public void Add(StudyJson json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        Read++;
        var name = $"{source}#{json.Index}";
        try
        {
            _studies.Add(new IncomingStudy(ParsedStudy.From(json), name));
            Bytes += json.Utf8.Length;
        }
        catch (StudyFormatException ex)
        {
            RejectedStudies++;
            _rejections.Add(new Rejection(name, ex.Message));
        }
    }

    /// <summary>Refuses a whole source (malformed, unreadable): none of its studies is in the batch.</summary>
    public void RejectSource(string source, string reason) => _rejections.Add(new Rejection(source, reason, WholeSource: true));
}
