using Microsoft.AspNetCore.Mvc;
using TrialEvidence.Api.Infrastructure;

namespace TrialEvidence.Api.Trials;

/// <summary>How /api/trials orders and pages the filtered trials.</summary>
/// <param name="Sort">A sort key (nctId, title, status, phase, enrollment, start, updated, sponsor); a leading '-' sorts descending.</param>
public sealed record TrialPaging(
    [FromQuery(Name = "sort")] string Sort = "nctId",
    [FromQuery(Name = "page")] int Page = 1,
    [FromQuery(Name = "pageSize")] int PageSize = 50) : IValidatedRequest
{
    public const int MaxPageSize = 500;

    public void Validate(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!TrialReads.SortKeys.Contains(Sort, StringComparer.OrdinalIgnoreCase))
        {
            errors["sort"] = [$"unknown sort '{(Sort.Length > 40 ? Sort[..40] + "..." : Sort)}'; allowed: {string.Join(", ", TrialReads.SortKeys)}"];
        }

        if (Page < 1)
        {
            errors["page"] = ["must be 1 or more"];
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"must be 1 to {MaxPageSize}"];
        }
    }
}
