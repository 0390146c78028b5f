using System.Net;
using System.Net.Mime;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace TrialEvidence.ReplayRegistry;

/// <summary>
/// EUCTR's two harvest requests over the trials of <see cref="ReplayRegistryOptions.EuctrFullText"/>:
/// GET /ctr-search/search (a results page, SYNTHETIC: only the parts a harvest reads, as the real
/// page writes them: the tab "Trials with a EudraCT protocol (N)" and a check box per trial on the
/// page, header X-Replay-Synthetic) and GET /ctr-search/rest/download/full (the page's trials'
/// records, their exact text, after the download's header line). <c>query</c> takes words, each of
/// which a trial's records must contain (case-insensitive); the form's other filters, operators
/// and quotes answer 400, so a test never passes on a search the replay silently misread.
/// </summary>
internal static class EuctrApi
{
    private static readonly HashSet<string> DownloadParameters = ["mode", "format", "dContent", "number", "submit-download"];

    public static IEndpointRouteBuilder MapEuctr(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/ctr-search/search", Search);
        routes.MapGet("/ctr-search/rest/download/full", Download);
        return routes;
    }

    private static ContentHttpResult Search(HttpContext context, EuctrTrials served, ReplayRegistryOptions options)
    {
        if (Find(context.Request.Query, served, options, download: false) is not { } found)
        {
            return PlainText.BadRequest(Refusal(context.Request.Query, download: false));
        }

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html>\n<head><title>Clinical Trials Register</title></head>\n<body>\n<div id=\"tabs\" class=\"container_12\">\n<ul>\n<li>\n<a id=\"ui-id-1\" href=\"#tabs-1\">\n")
            .Append(WebUtility.HtmlEncode($"Trials with a EudraCT protocol ({found.All.Count:N0})"))
            .Append("\n</a>\n</li>\n</ul>\n<div id=\"tabs-1\">\n<div class=\"outcome grid_12\">\n")
            .Append(WebUtility.HtmlEncode($"{found.All.Count} result(s) found. Displaying page {found.Number} of {Math.Max(1, (found.All.Count + options.EuctrPageSize - 1) / options.EuctrPageSize)}."))
            .Append("\n</div>\n");
        foreach (var trial in found.Page)
        {
            html.Append("<table class=\"result\"><tr><td><input type=\"checkbox\" name=\"enchx\" value=\"")
                .Append(WebUtility.HtmlEncode(trial.EudraCtNumber))
                .Append("\" style=\"display:none\"/><span class=\"label\">EudraCT Number:</span> ")
                .Append(WebUtility.HtmlEncode(trial.EudraCtNumber))
                .Append("</td></tr></table>\n");
        }

        html.Append("</div>\n</div>\n</body>\n</html>\n");
        context.Response.Headers["X-Replay-Synthetic"] = "search results page";
        return TypedResults.Text(html.ToString(), MediaTypeNames.Text.Html, Encoding.UTF8);
    }

    private static ContentHttpResult Download(HttpContext context, EuctrTrials served, ReplayRegistryOptions options)
    {
        var query = context.Request.Query;
        if (query["mode"] != "current_page" || query["format"] != "text" || query["dContent"] != "full")
        {
            return PlainText.BadRequest("the full-text download is served for mode=current_page, format=text and dContent=full only");
        }

        if (Find(query, served, options, download: true) is not { } found)
        {
            return PlainText.BadRequest(Refusal(query, download: true));
        }

        var text = new StringBuilder(served.Header).Append("\n\n");
        foreach (var trial in found.Page)
        {
            foreach (var record in trial.Records)
            {
                text.Append(record);
            }
        }

        return TypedResults.Text(text.ToString(), MediaTypeNames.Text.Plain, Encoding.UTF8);
    }

    /// <summary>The trials the query finds and those of the page asked for; null when a parameter is not one the replay evaluates.</summary>
    private static (List<EuctrTrial> All, List<EuctrTrial> Page, int Number)? Find(IQueryCollection query, EuctrTrials served, ReplayRegistryOptions options, bool download)
    {
        var allowed = download ? DownloadParameters.Concat(["query", "page"]) : ["query", "page"];
        if (query.Keys.Any(key => !allowed.Contains(key, StringComparer.Ordinal)) || query.Any(p => p.Value.Count != 1))
        {
            return null;
        }

        var words = (query["query"].ToString() ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(word => word is "AND" or "OR" or "NOT" || word.Contains('"', StringComparison.Ordinal) || word.Contains('(', StringComparison.Ordinal)))
        {
            return null;
        }

        var page = 1;
        if (query.ContainsKey("page") && (!int.TryParse(query["page"], out page) || page < 1))
        {
            return null;
        }

        var all = served.Trials.Where(trial => trial.Matches(words)).ToList();
        return (all, all.Skip((page - 1) * options.EuctrPageSize).Take(options.EuctrPageSize).ToList(), page);
    }

    private static string Refusal(IQueryCollection query, bool download) =>
        $"the replay evaluates query (words, no operators or quotes) and page{(download ? " beside the download's fixed parameters" : string.Empty)}; " +
        $"it was asked {string.Join("&", query.Select(p => $"{p.Key}={p.Value}"))}";
}
