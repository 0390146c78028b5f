namespace TrialEvidence.Data.Registry;

/// <summary>
/// One study object cut out of a registry response, byte for byte as received.
/// <paramref name="Index"/> is its 0-based position in the source; <paramref name="Line"/> is the 1-based line it starts on.
/// </summary>
public sealed record StudyJson(ReadOnlyMemory<byte> Utf8, int Index, long Line);
