namespace TrialEvidence.Euctr;

/// <summary>
/// EUCTR's answers disagree with each other (a download page that does not hold the trials its
/// search page lists, a search whose pages held fewer trials than it found): not a transient
/// failure to retry, but a run that cannot claim to hold what the search found. The run fails
/// with this message and resumes at the page, or starts over, next time.
/// </summary>
public sealed class EuctrMismatchException(string message) : Exception(message);
