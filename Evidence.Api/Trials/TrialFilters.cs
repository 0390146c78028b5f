using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using TrialEvidence.Api.Infrastructure;
using TrialEvidence.Data.Facets;
using TrialEvidence.Data.Normalisation;

namespace TrialEvidence.Api.Trials;

/// <summary>
/// The filters of /api/trials and /api/table1, bound from the query string. A repeated
/// parameter means OR (status=RECRUITING&amp;status=COMPLETED); different parameters combine with AND.
/// </summary>
public sealed record TrialFilters : IValidatedRequest
{
    [FromQuery(Name = "topic")] public string[]? Topic { get; init; }
    [FromQuery(Name = "q")] public string? Q { get; init; }
    [FromQuery(Name = "status")] public string[]? Status { get; init; }
    [FromQuery(Name = "phase")] public string[]? Phase { get; init; }
    [FromQuery(Name = "registry")] public string[]? Registry { get; init; }
    [FromQuery(Name = "country")] public string[]? Country { get; init; }
    [FromQuery(Name = "sponsor")] public string[]? Sponsor { get; init; }
    [FromQuery(Name = "agent")] public string[]? Agent { get; init; }
    [FromQuery(Name = "target")] public string[]? Target { get; init; }
    [FromQuery(Name = "modality")] public string[]? Modality { get; init; }
    [FromQuery(Name = "endpoint")] public string[]? Endpoint { get; init; }
    [FromQuery(Name = "property")] public string[]? Property { get; init; }
    [FromQuery(Name = "setting")] public string[]? Setting { get; init; }
    [FromQuery(Name = "minEnrollment")] public int? MinEnrollment { get; init; }
    [FromQuery(Name = "maxEnrollment")] public int? MaxEnrollment { get; init; }
    [FromQuery(Name = "startFrom")] public string? StartFrom { get; init; }
    [FromQuery(Name = "startTo")] public string? StartTo { get; init; }
    [FromQuery(Name = "updatedSince")] public string? UpdatedSince { get; init; }

    /// <summary>
    /// Values read from a trial's titles, summary and arms rather than its interventions:
    /// "include" (the default) counts them in agent, target and modality filters, "exclude" counts
    /// only the structured interventions, "only" keeps trials that have such values.
    /// </summary>
    [FromQuery(Name = "freeText")] public string? FreeText { get; init; }

    public void Validate(IDictionary<string, string[]> errors) => FilterRules.Validate(this, errors);
}

/// <summary>The values each filter accepts, and the checks that turn bad input into a 400 naming the parameter.</summary>
public static partial class FilterRules
{
    public const int MaxTextLength = StudyFacets.MaxValueLength;
    public const int MaxValuesPerParameter = 50;

    public static readonly string[] Statuses =
    [
        "RECRUITING", "NOT_YET_RECRUITING", "ACTIVE_NOT_RECRUITING", "ENROLLING_BY_INVITATION", "COMPLETED", "TERMINATED",
        "SUSPENDED", "WITHDRAWN", "UNKNOWN", "AVAILABLE", "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE",
        "APPROVED_FOR_MARKETING", "WITHHELD",
    ];

    public static readonly string[] Phases = [.. TrialEvidence.Data.Facets.StudyFacets.Phases];

    /// <summary>The registries a record may come from: registry=ChiCTR.</summary>
    public static readonly string[] Registries = [.. TrialEvidence.Data.Studies.RegistryId.Registries];

    // The normalised values come from the vocabulary the database was normalised with.
    public static readonly string[] Targets = [.. Vocabulary.Embedded.Targets];

    public static readonly string[] Agents = [.. Vocabulary.Embedded.Agents.Select(a => a.Name).Order(StringComparer.OrdinalIgnoreCase)];

    public static readonly string[] Modalities = [.. Vocabulary.Embedded.RtModalities.Select(m => m.Name)];

    public static readonly string[] Endpoints = [.. Vocabulary.Embedded.EndpointClasses];

    /// <summary>Properties of an intervention's agents: property=bispecific.</summary>
    public static readonly string[] Properties = [Terms.Bispecific];

    /// <summary>Settings of a trial's patients: setting=unresectable, setting=adjuvant.</summary>
    public static readonly string[] Settings = [.. Vocabulary.Embedded.DiseaseSettings.Select(s => s.Name)];

    public static readonly string[] FreeTextChoices = ["include", "exclude", "only"];

    /// <summary>target=any: any ICI (an unspecified one included); modality=any: any RT.</summary>
    public const string AnyValue = "any";

    /// <summary>Whether agent, target and modality count only the structured interventions' values (freeText=exclude).</summary>
    public static bool CountsStructuredOnly(TrialFilters filters) =>
        string.Equals(filters?.FreeText, "exclude", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="values"/> hold <see cref="AnyValue"/>, which makes the parameter's other values moot.</summary>
    public static bool AsksForAny(string[]? values) => values?.Contains(AnyValue, StringComparer.OrdinalIgnoreCase) == true;

    /// <summary>Adds every problem with the filters to <paramref name="errors"/>, by parameter name.</summary>
    public static void Validate(TrialFilters filters, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(errors);
        OneOf(errors, "status", filters.Status, Statuses);
        OneOf(errors, "phase", filters.Phase, Phases);
        OneOf(errors, "registry", filters.Registry, Registries);
        OneOf(errors, "agent", filters.Agent, Agents);
        OneOf(errors, "target", filters.Target, [.. Targets, AnyValue]);
        OneOf(errors, "modality", filters.Modality, [.. Modalities, AnyValue]);
        OneOf(errors, "endpoint", filters.Endpoint, Endpoints);
        OneOf(errors, "property", filters.Property, Properties);
        OneOf(errors, "setting", filters.Setting, Settings);
        OneOf(errors, "freeText", filters.FreeText is null ? null : [filters.FreeText], FreeTextChoices);
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
    }

    public static void OneOf(IDictionary<string, string[]> errors, string name, string[]? values, string[] allowed)
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
            // Each value quoted: a value may hold a comma ("ICI, unspecified").
            errors[name] = [$"unknown value(s) {string.Join(", ", unknown.Select(u => $"'{Shorten(u)}'"))}; allowed: {string.Join(", ", allowed.Select(a => $"'{a}'"))}"];
        }
    }

    public static void FreeText(IDictionary<string, string[]> errors, string name, string[]? values)
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

    /// <summary>yyyy, yyyy-MM or a real yyyy-MM-dd: how the registry writes dates.</summary>
    public static bool IsPartialDate(string value) =>
        PartialDate().IsMatch(value)
        && (value.Length != 10 || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));

    private static void Date(IDictionary<string, string[]> errors, string name, string? value)
    {
        if (value is not null && !IsPartialDate(value))
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
