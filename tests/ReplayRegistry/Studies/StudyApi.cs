using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace TrialEvidence.ReplayRegistry;

internal static class StudyApi
{
    public static IEndpointRouteBuilder MapStudyLookup(this IEndpointRouteBuilder api)
    {
        // Query parameters (fields, format, markupFormat) are ignored: the full study is always served.
        api.MapGet("/studies/{nctId}", GetStudy);
        return api;
    }

    private static Results<FileContentHttpResult, RedirectHttpResult, ContentHttpResult> GetStudy(
        string nctId, HttpRequest request, StudyStore store)
    {
        if (!NctId.TryNormalize(nctId, out var id))
        {
            return PlainText.BadRequest($"'{nctId}' is not an NCT id (NCT followed by 8 digits)");
        }

        var (study, successorId) = store.Find(id);
        if (successorId is not null)
        {
            // Resolving the new id against this URL swaps the last path segment: .../studies/{new}.
            return TypedResults.Redirect(new Uri(new Uri(request.GetEncodedUrl()), successorId).AbsoluteUri, permanent: true);
        }

        return study is null ? PlainText.NotFound($"Study {id} not found") : JsonBody.Of(study.Json, study.ETag);
    }
}
