using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using TrialEvidence.Api.Infrastructure;
using TrialEvidence.Api.Table1;
using TrialEvidence.Api.Trials;
using TrialEvidence.Data.Changes;

namespace TrialEvidence.Api.Changes;

/// <summary>The filters and paging of /api/changes and /api/changes.atom.</summary>
/// <param name="Since">Changes stored at or after this: a date (yyyy-MM-dd, midnight UTC) or an ISO 8601 timestamp with its offset.</param>
/// <param name="RegistrySince">Changes the registry posted on or after this date (yyyy, yyyy-MM or yyyy-MM-dd).</param>
/// <param name="Topic">Trials of these topics (repeat for OR).</param>
/// <param name="Field">These fields only (repeat for OR): status, enrollment.count, sites, ...</param>
/// <param name="Ids">These trials only: NCT ids separated by commas.</param>
/// <param name="Cursor">The nextCursor of the page before.</param>
public sealed record ChangeFilters(
    [FromQuery(Name = "since")] string? Since = null,
    [FromQuery(Name = "registrySince")] string? RegistrySince = null,
    [FromQuery(Name = "topic")] string[]? Topic = null,
    [FromQuery(Name = "field")] string[]? Field = null,
    [FromQuery(Name = "ids")] string? Ids = null,
    [FromQuery(Name = "pageSize")] int PageSize = 100,
    [FromQuery(Name = "cursor")] string? Cursor = null) : IValidatedRequest
{
    public const int MaxPageSize = 500;

    private static readonly string[] Fields = [.. ChangeFields.All];

    private IReadOnlyList<string>? IdList => Table1Request.SplitIds(Ids);

    public void Validate(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Since is not null && ParseSince(Since) is null)
        {
            errors["since"] = ["a date (yyyy-MM-dd) or a timestamp with its offset (2026-12-01T08:00:00Z)"];
        }

        if (RegistrySince is not null && !FilterRules.IsPartialDate(RegistrySince))
        {
            errors["registrySince"] = ["a date as yyyy, yyyy-MM or yyyy-MM-dd"];
        }

        FilterRules.FreeText(errors, "topic", Topic);
        FilterRules.OneOf(errors, "field", Field, Fields);
        Table1Request.ValidateIds(errors, IdList);

        if (PageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"must be 1 to {MaxPageSize}"];
        }

        if (Cursor is not null && !ChangeCursor.TryParse(Cursor, out _))
        {
            errors["cursor"] = ["not a cursor this API gave (use nextCursor of the page before)"];
        }
    }

    /// <summary>The query these filters ask (after <see cref="Validate"/> found nothing wrong).</summary>
    public ChangeQuery ToQuery(int? limit = null)
    {
        var cursor = ChangeCursor.TryParse(Cursor, out var parsed) ? parsed : null;
        return new ChangeQuery(
            Since is null ? null : ParseSince(Since),
            RegistrySince,
            Topic,
            Field?.Select(f => FilterRules.Canonical(f, Fields)).ToList(),
            IdList,
            cursor,
            limit ?? PageSize);
    }

    private static DateTimeOffset? ParseSince(string value)
    {
        if (value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        // A timestamp must say its offset: a local time would mean another moment on another machine.
        return value.Length is > 10 and <= 40 && (value.EndsWith('Z') || value[^6] is '+' or '-')
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at
            : null;
    }
}
