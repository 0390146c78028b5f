using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace TrialEvidence.ReplayRegistry;

internal static class SearchApi
{
    public static IEndpointRouteBuilder MapStudySearch(this IEndpointRouteBuilder api)
    {
        api.MapGet("/studies", Search);
        return api;
    }

    // Computed afresh from the current study set on every request, so a test may change the set between pages.
    private static Results<FileContentHttpResult, ContentHttpResult> Search(HttpRequest request, StudyStore store, ReplayRegistryOptions options)
    {
        StudySearch search;
        try
        {
            search = StudySearch.Parse(request.Query);
        }
        catch (FormatException e)
        {
            return PlainText.BadRequest(e.Message);
        }

        var matches = store.Studies.Values.Where(search.Matches).ToList();
        matches.Sort(search.Order);
        var offset = search.PageOffset ?? 0;
        var pageSize = Math.Min(search.PageSize, options.MaxPageSize);
        var hasMore = matches.Count - offset > pageSize;
        return JsonBody.Of(SearchPage.Write(
            matches.Skip(offset).Take(pageSize),
            search.CountTotal && search.IsFirstPage ? matches.Count : null,
            hasMore ? PageToken.Create(offset + pageSize, search.Fingerprint) : null));
    }
}
