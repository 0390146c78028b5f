using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using TrialEvidence.Data.Normalisation;

namespace TrialEvidence.Api.Trials;

/// <summary>
/// The filters of /api/trials and /api/table1, bound from the query string. A repeated
/// parameter means OR (status=RECRUITING&amp;status=COMPLETED); different parameters combine with AND.
/// </summary>
public sealed record TrialFilters
{
    [FromQuery] public string[]? Topic { get; init; }
    [FromQuery] public string? Q { get; init; }
    [FromQuery] public string[]? Status { get; init; }
    [FromQuery] public string[]? Phase { get; init; }
    [FromQuery] public string[]? Country { get; init; }
    [FromQuery] public string[]? Sponsor { get; init; }
    [FromQuery] public string[]? Agent { get; init; }
    [FromQuery] public string[]? Target { get; init; }
    [FromQuery] public string[]? Modality { get; init; }
    [FromQuery] public string[]? Endpoint { get; init; }
    [FromQuery] public int? MinEnrollment { get; init; }
    [FromQuery] public int? MaxEnrollment { get; init; }
    [FromQuery] public string? StartFrom { get; init; }
    [FromQuery] public string? StartTo { get; init; }
    [FromQuery] public string? UpdatedSince { get; init; }
}

/// <summary>The values each filter accepts, and the checks that turn bad input into a 400 naming the parameter.</summary>
public static partial class FilterRules
{
    public const int MaxTextLength = 200;
    public const int MaxValuesPerParameter = 50;

    public static readonly string[] Statuses =
    [
        "RECRUITING", "NOT_YET_RECRUITING", "ACTIVE_NOT_RECRUITING", "ENROLLING_BY_INVITATION", "COMPLETED", "TERMINATED",
        "SUSPENDED", "WITHDRAWN", "UNKNOWN", "AVAILABLE", "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE",
        "APPROVED_FOR_MARKETING", "WITHHELD",
    ];

    public static readonly string[] Phases = ["EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA"];

    public static readonly string[] Targets = ["PD-1", "PD-L1", "CTLA-4", "LAG-3", "TIGIT", "bispecific", "ICI, unspecified"];

    public static readonly string[] Agents = [.. Vocabulary.Embedded.Agents.Select(a => a.Name).Order(StringComparer.Ordinal)];

    public static readonly string[] Modalities = [.. Vocabulary.Embedded.RtModalities.Select(m => m.Name)];

    public static readonly string[] Endpoints = [.. Vocabulary.Embedded.Endpoints.Select(e => e.Class).Append("other").Distinct()];

    /// <summary>Every problem with the filters, by parameter name; empty when they are all usable.</summary>
    public static Dictionary<string, string[]> Validate(TrialFilters filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        OneOf(errors, "status", filters.Status, Statuses);
        OneOf(errors, "phase", filters.Phase, Phases);
        OneOf(errors, "agent", filters.Agent, Agents);
        OneOf(errors, "target", filters.Target, Targets);
        OneOf(errors, "modality", filters.Modality, Modalities);
        OneOf(errors, "endpoint", filters.Endpoint, Endpoints);
        FreeText(errors, "topic", filters.Topic);
        FreeText(errors, "country", filters.Country);
        FreeText(errors, "sponsor", filters.Sponsor);
        FreeText(errors, "q", filters.Q is null ? null : [filters.Q]);
        if (filters.MinEnrollment is < 0)
        {
            errors["minEnrollment"] = ["must be 0 or more"];
        }

        if (filters.MaxEnrollment is < 0 || (filters.MaxEnrollment is { } max && filters.MinEnrollment is { } min && max < min))
        {
            errors["maxEnrollment"] = ["must be 0 or more and not less than minEnrollment"];
        }

        Date(errors, "startFrom", filters.StartFrom);
        Date(errors, "startTo", filters.StartTo);
        Date(errors, "updatedSince", filters.UpdatedSince);
        return errors;
    }

    private static void OneOf(Dictionary<string, string[]> errors, string name, string[]? values, string[] allowed)
    {
        if (values is null)
        {
            return;
        }

        if (values.Length > MaxValuesPerParameter)
        {
            errors[name] = [$"at most {MaxValuesPerParameter} values"];
            return;
        }

        var unknown = values.Where(v => !allowed.Contains(v, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            errors[name] = [$"unknown value(s) {string.Join(", ", unknown.Select(u => $"'{Shorten(u)}'"))}; allowed: {string.Join(", ", allowed)}"];
        }
    }

    private static void FreeText(Dictionary<string, string[]> errors, string name, string[]? values)
    {
        if (values is null)
        {
            return;
        }

        if (values.Length > MaxValuesPerParameter || values.Any(v => string.IsNullOrWhiteSpace(v) || v.Length > MaxTextLength || v.Any(char.IsControl)))
        {
            errors[name] = [$"give 1 to {MaxValuesPerParameter} non-empty values of at most {MaxTextLength} characters, without control characters"];
        }
    }

    private static void Date(Dictionary<string, string[]> errors, string name, string? value)
    {
        if (value is not null && (!PartialDate().IsMatch(value)
            || (value.Length == 10 && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))))
        {
            errors[name] = ["a date as yyyy, yyyy-MM or yyyy-MM-dd"];
        }
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "..." : value;

    /// <summary>The allowed value as the database writes it (values are matched ignoring case).</summary>
    public static string Canonical(string value, string[] allowed) =>
        allowed.First(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?\z")]
    private static partial Regex PartialDate();
}
