using System.Net;
using AngleSharp.Dom;

namespace TrialEvidence.Api.Tests.Topics;

/// <summary>The search report read as a reader sees it: its Markdown rendered (Markdig, with pipe tables).</summary>
internal static class ReportReader
{
    public static async Task<IDocument> Markdown(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var html = Markdig.Markdown.ToHtml(text, Markdig.MarkdownExtensions.UsePipeTables(new Markdig.MarkdownPipelineBuilder()).Build());
        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
    }

    /// <summary>The body rows of the table under the heading <paramref name="heading"/>.</summary>
    public static List<string[]> Table(IDocument report, string heading)
    {
        var title = report.QuerySelectorAll("h2").Single(h => h.TextContent == heading);
        var table = title.NextElementSibling;
        Assert.Equal("TABLE", table?.TagName);
        return [.. table!.QuerySelectorAll("tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToArray())];
    }
}
