namespace TrialEvidence.Data.Registries;

/// <summary>
/// A registry page or download that cannot be read as the format it was told by (cut short, no
/// trial id, not UTF-8), with where: the import refuses the whole source with the line and
/// position, before any of its records is stored.
/// </summary>
/// <param name="format">What the source was read as ("ChiCTR trial page").</param>
/// <param name="reason">What is wrong, in words that quote nothing of the source but its ids.</param>
/// <param name="line">The line, from 1.</param>
/// <param name="position">The character in that line, from 1.</param>
public sealed class RegistryFormatException(string format, string reason, long line, long position)
    : Exception($"{format}: {reason} (line {line}, position {position})")
{
    public string Format { get; } = format;

    public string Reason { get; } = reason;

    public long Line { get; } = line;

    public long Position { get; } = position;
}
