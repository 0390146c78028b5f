using System.Text.RegularExpressions;

namespace TrialEvidence.Data.Studies;

/// <summary>ClinicalTrials.gov identifiers: "NCT" and eight digits.</summary>
public static partial class NctId
{
    public static bool IsValid(string? value) => value is not null && Exact().IsMatch(value);

    /// <summary>The record's page on ClinicalTrials.gov.</summary>
    public static string RegistryUrl(string nctId) => $"https://clinicaltrials.gov/study/{nctId}";

    /// <summary>The first NCT id in a text (e.g. a redirect's Location), upper-cased; null when there is none.</summary>
    public static string? FindIn(string? text)
    {
        var match = text is null ? null : Anywhere().Match(text);
        return match is { Success: true } ? match.Value.ToUpperInvariant() : null;
    }

    [GeneratedRegex(@"^NCT[0-9]{8}\z")]
    private static partial Regex Exact();

    [GeneratedRegex(@"NCT[0-9]{8}", RegexOptions.IgnoreCase)]
    private static partial Regex Anywhere();
}
