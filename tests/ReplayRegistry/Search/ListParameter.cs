namespace TrialEvidence.ReplayRegistry;

internal static class ListParameter
{
    /// <summary>Splits a registry list parameter, which may use commas or pipes.</summary>
    public static string[] Split(string value) =>
        value.Split([',', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
