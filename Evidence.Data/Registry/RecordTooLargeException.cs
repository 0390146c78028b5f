using TrialEvidence.Data.Ingest;

namespace TrialEvidence.Data.Registry;

/// <summary>
/// A record larger than the reader's limit, found before more than the limit of it was read;
/// the position is where the record starts. Its source is refused whole, as a malformed one is.
/// </summary>
public sealed class RecordTooLargeException(string source, long offset, long line, long bytePositionInLine, int maxRecordBytes)
    : MalformedJsonException(
        source,
        offset,
        line,
        bytePositionInLine,
        $"the record starting here is larger than {maxRecordBytes} bytes, the maximum record size ({IngestOptions.Section}:{nameof(IngestOptions.MaxRecordBytes)})")
{
    public int MaxRecordBytes { get; } = maxRecordBytes;
}
