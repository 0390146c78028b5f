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

    /// <summary>The versions the studies showed when read ahead of the writer (<see cref="StudyIngest.ReadPreviousVersions"/>); null: not read.</summary>
    public IReadOnlyDictionary<string, Changes.PreviousVersion>? Previous { get; set; }

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
        Append(json, source, Parse(json));
    }

    /// <summary>
    /// Parses many studies on every core but one, which is left to the thread that writes
    /// (parsing and normalising is most of an import's work outside SQLite), then adds them in
    /// their order, each as <see cref="Add"/> would. On two cores that is one parser: measured on
    /// 30,000 registry-like studies, two parsers beside the writer made the import 40% slower.
    /// </summary>
    public void AddAll(IReadOnlyList<(StudyJson Json, string Source)> studies)
    {
        ArgumentNullException.ThrowIfNull(studies);
        var parsed = new (ParsedStudy? Study, string? Problem)[studies.Count];
        try
        {
            Parallel.For(0, studies.Count, Parsers, i => parsed[i] = Parse(studies[i].Json));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            // What parsing one study threw, as Add would throw it, not wrapped.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }

        for (var i = 0; i < studies.Count; i++)
        {
            Append(studies[i].Json, studies[i].Source, parsed[i]);
        }
    }

    private static readonly ParallelOptions Parsers = new() { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1) };

    private static (ParsedStudy? Study, string? Problem) Parse(StudyJson json)
    {
        try
        {
            return (ParsedStudy.From(json), null);
        }
        catch (StudyFormatException ex)
        {
            return (null, ex.Message);
        }
    }

    private void Append(StudyJson json, string source, (ParsedStudy? Study, string? Problem) parsed)
    {
        Read++;
        var name = $"{source}#{json.Index}";
        if (parsed.Study is { } study)
        {
            _studies.Add(new IncomingStudy(study, name));
            Bytes += json.Utf8.Length;
        }
        else
        {
            RejectedStudies++;
            _rejections.Add(new Rejection(name, parsed.Problem!));
        }
    }

    /// <summary>Refuses a whole source (malformed, unreadable): none of its studies is in the batch.</summary>
    public void RejectSource(string source, string reason) => _rejections.Add(new Rejection(source, reason, WholeSource: true));
}
