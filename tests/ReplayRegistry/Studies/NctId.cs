using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace TrialEvidence.ReplayRegistry;

/// <summary>NCT numbers as the registry accepts them: any case on input, upper case as keys.</summary>
internal static partial class NctId
{
    public static bool TryNormalize(string? value, [NotNullWhen(true)] out string? nctId)
    {
        nctId = value is not null && Pattern().IsMatch(value) ? value.ToUpperInvariant() : null;
        return nctId is not null;
    }

    // \z rather than $: $ would also accept a trailing newline.
    [GeneratedRegex(@"^NCT[0-9]{8}\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
