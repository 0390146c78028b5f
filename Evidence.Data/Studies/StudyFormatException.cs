namespace TrialEvidence.Data.Studies;

/// <summary>A well-formed JSON object that is not a usable study record (no NCT id, a field of the wrong type).</summary>
public sealed class StudyFormatException(string message) : Exception(message);
