using Microsoft.AspNetCore.Mvc;
using TrialEvidence.Api.Infrastructure;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Api.Table1;

/// <summary>What /api/table1 is asked for besides the trial filters: a curated list, a file format, a row limit.</summary>
/// <param name="Ids">NCT ids in the order wanted, separated by commas, spaces or '|'.</param>
/// <param name="Format">json, csv, md, html, xlsx, docx or ris (one reference a trial); without it, the Accept header decides.</param>
/// <param name="Limit">At most this many rows for the filters (a curated list is never cut).</param>
/// <param name="CompareTo">yyyy-MM-dd: mark the cells that changed since the registry as of that date (JSON, HTML and Word show the marks).</param>
/// <param name="Columns">The printed columns wanted, by header, separated by '|' (e.g. "Institution|Phase|Status"); the NCT number always comes first. JSON rows keep every field.</param>
public sealed record Table1Request(
    [FromQuery(Name = "ids")] string? Ids = null,
    [FromQuery(Name = "format")] string? Format = null,
    [FromQuery(Name = "limit")] int Limit = 1000,
    [FromQuery(Name = "compareTo")] string? CompareTo = null,
    [FromQuery(Name = "columns")] string? Columns = null) : IValidatedRequest
{
    public const int MaxRows = 5000;
    public const int MaxIds = 500;

    /// <summary>The ids asked for, upper-cased, each once, in order; null when none were given.</summary>
    public IReadOnlyList<string>? IdList => SplitIds(Ids);

    /// <summary>Registry ids separated by commas, spaces or '|': each as its registry writes it (NCT upper-cased), each once, in order; null for null.</summary>
    public static IReadOnlyList<string>? SplitIds(string? ids) =>
        ids?.Split([',', ' ', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(i => RegistryId.Canonical(i) ?? i).Distinct().ToList();

    /// <summary>Adds a problem under "ids" unless <paramref name="ids"/> holds 1 to <see cref="MaxIds"/> valid NCT ids.</summary>
    public static void ValidateIds(IDictionary<string, string[]> errors, IReadOnlyList<string>? ids)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (ids is not null && (ids.Count is 0 or > MaxIds || ids.Any(i => !RegistryId.IsPlausible(i))))
        {
            var invalid = ids.Where(i => !RegistryId.IsPlausible(i)).Take(5).Select(i => $"'{(i.Length > 20 ? i[..20] : i)}'").ToList();
            errors["ids"] = [$"1 to {MaxIds} registry ids (NCT and 8 digits, ChiCTR..., EUCTR...), separated by commas" + (invalid.Count > 0 ? $"; not valid: {string.Join(", ", invalid)}" : string.Empty)];
        }
    }

    /// <summary>The printed columns asked for, in Table 1's order, the NCT number first; all of them without columns=.</summary>
    public IReadOnlyList<(string Header, Func<Table1Row, string?> Cell)> ColumnList
    {
        get
        {
            if (Columns is null)
            {
                return Table1Row.Columns;
            }

            var wanted = ColumnNames(Columns);
            return [.. Table1Row.Columns.Where(c => c.Header == Table1Row.NctHeader || wanted.Contains(c.Header, StringComparer.OrdinalIgnoreCase))];
        }
    }

    private static string[] ColumnNames(string columns) => columns.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

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

        if (Columns is not null)
        {
            var unknown = ColumnNames(Columns).Where(n => !Table1Row.Columns.Any(c => string.Equals(c.Header, n, StringComparison.OrdinalIgnoreCase))).Take(5).ToList();
            if (unknown.Count > 0 || ColumnNames(Columns).Length == 0)
            {
                errors["columns"] = [$"column headers separated by '|'" + (unknown.Count > 0 ? $"; unknown: {string.Join(", ", unknown.Select(u => $"'{(u.Length > 30 ? u[..30] : u)}'"))}" : string.Empty)
                    + $"; allowed: {string.Join(", ", Table1Row.Columns.Select(c => $"'{c.Header}'"))}"];
            }
        }

        ValidateIds(errors, IdList);
        Trials.AsOfDates.Validate(errors, "compareTo", CompareTo);
    }
}
