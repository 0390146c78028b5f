namespace TrialEvidence.Data.Registry;

/// <summary>
/// A registry file (or zip entry) that is not valid JSON, or not one of the record shapes the
/// registry produces. Carries the source name and the 1-based line and byte position.
/// </summary>
public sealed class MalformedJsonException(string source, long line, long bytePositionInLine, string reason, Exception? inner = null)
    : Exception($"{source}: line {line}, byte {bytePositionInLine}: {reason}", inner)
{
    public string SourceName { get; } = source;

    public long Line { get; } = line;

    public long BytePositionInLine { get; } = bytePositionInLine;

    public string Reason { get; } = reason;
}
