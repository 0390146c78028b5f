namespace TrialEvidence.Data.Registry;

/// <summary>
/// A registry file (or zip entry) that cannot be read as records: not valid JSON, not valid
/// UTF-8, not one of the record shapes the registry produces, or holding a record over the size
/// limit (<see cref="RecordTooLargeException"/>). Carries the source name, the 0-based byte
/// offset in the source and the 1-based line and byte in that line; a source that raises it is
/// refused whole.
/// </summary>
public class MalformedJsonException(string source, long offset, long line, long bytePositionInLine, string reason, Exception? inner = null)
    : Exception($"{source}: {Where(offset, line, bytePositionInLine)}: {reason}", inner)
{
    public string SourceName { get; } = source;

    /// <summary>Bytes of the source before the position (a byte order mark included).</summary>
    public long Offset { get; } = offset;

    public long Line { get; } = line;

    public long BytePositionInLine { get; } = bytePositionInLine;

    public string Reason { get; } = reason;

    /// <summary>The position as messages give it: "line L, byte B (byte offset N)".</summary>
    public string Position => Where(Offset, Line, BytePositionInLine);

    private static string Where(long offset, long line, long bytePositionInLine) =>
        $"line {line}, byte {bytePositionInLine} (byte offset {offset})";
}
