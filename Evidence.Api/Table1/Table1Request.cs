using Microsoft.AspNetCore.Mvc;
using TrialEvidence.Api.Infrastructure;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Api.Table1;

/// <summary>What /api/table1 is asked for besides the trial filters: a curated list, a file format, a row limit.</summary>
/// <param name="Ids">NCT ids in the order wanted, separated by commas, spaces or '|'.</param>
/// <param name="Format">json, csv, md, html, xlsx, docx or ris (one reference a trial); without it, the Accept header decides.</param>
/// <param name="Limit">At most this many rows for the filters (a curated list is never cut).</param>
/// <param name="CompareTo">yyyy-MM-dd: mark the cells that changed since the registry as of that date (JSON, HTML and Word show the marks).</param>
public sealed record Table1Request(
    [FromQuery(Name = "ids")] string? Ids = null,
    [FromQuery(Name = "format")] string? Format = null,
    [FromQuery(Name = "limit")] int Limit = 1000,
    [FromQuery(Name = "compareTo")] string? CompareTo = null) : IValidatedRequest
{
    public const int MaxRows = 5000;
    public const int MaxIds = 500;

    /// <summary>The ids asked for, upper-cased, each once, in order; null when none were given.</summary>
    public IReadOnlyList<string>? IdList => SplitIds(Ids);

    /// <summary>NCT ids separated by commas, spaces or '|': upper-cased, each once, in order; null for null.</summary>
    public static IReadOnlyList<string>? SplitIds(string? ids) =>
        ids?.Split([',', ' ', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(i => i.ToUpperInvariant()).Distinct().ToList();

    /// <summary>Adds a problem under "ids" unless <paramref name="ids"/> holds 1 to <see cref="MaxIds"/> valid NCT ids.</summary>
    public static void ValidateIds(IDictionary<string, string[]> errors, IReadOnlyList<string>? ids)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (ids is not null && (ids.Count is 0 or > MaxIds || ids.Any(i => !NctId.IsValid(i))))
        {
            var invalid = ids.Where(i => !NctId.IsValid(i)).Take(5).Select(i => $"'{(i.Length > 20 ? i[..20] : i)}'").ToList();
            errors["ids"] = [$"1 to {MaxIds} NCT ids (NCT and 8 digits), separated by commas" + (invalid.Count > 0 ? $"; not valid: {string.Join(", ", invalid)}" : string.Empty)];
        }
    }

    public void Validate(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Format is not null && !Table1Export.ContentTypes.ContainsKey(Format))
        {
            errors["format"] = [$"unknown format '{(Format.Length > 20 ? Format[..20] : Format)}'; allowed: {string.Join(", ", Table1Export.ContentTypes.Keys)}"];
        }

        if (Limit is < 1 or > MaxRows)
        {
            errors["limit"] = [$"must be 1 to {MaxRows}"];
        }

        ValidateIds(errors, IdList);
        Trials.AsOfDates.Validate(errors, "compareTo", CompareTo);
    }
}
