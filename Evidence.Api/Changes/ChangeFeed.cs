using System.Globalization;
using System.Net;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http.Extensions;
using TrialEvidence.Api.Infrastructure;
using TrialEvidence.Data.Changes;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Api.Changes;

/// <summary>
/// Changes as an Atom 1.0 feed (RFC 4287, written by System.ServiceModel.Syndication): one entry
/// per trial and version, its id the trial page's address with the version, so a feed reader
/// shows each registry update once, however many fields it changed.
/// </summary>
public static class ChangeFeed
{
    /// <summary>At most this many change rows are read for one feed; entries are whole versions.</summary>
    private const int MaxRows = ChangeLog.MaxLimit;

    public static byte[] Write(ChangeLog log, ChangeFilters filters, HttpRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(request);
        var page = log.Page(filters.ToQuery(MaxRows));
        var versions = page.Changes
            .GroupBy(c => (c.NctId, c.ToVersion))
            .Select(g => g.OrderBy(c => c.Id).ToList()) // a version's changes in the order the fields are listed
            .ToList();
        if (page.Next is not null && versions.Count > 1)
        {
            versions.RemoveAt(versions.Count - 1); // the rows read may end inside this version's changes
        }

        versions = versions.Take(filters.PageSize).ToList();
        var titles = log.Titles(versions.Select(v => v[0].NctId));
        var site = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var feed = new SyndicationFeed(
            "TrialEvidence: what changed",
            "Changes to clinical-trial registry records, one entry per trial and registry version",
            new Uri($"{site}/changes{request.QueryString}"),
            request.GetEncodedUrl(),
            versions.Count > 0 ? Time(versions[0][0].ObservedAt) : now)
        {
            Items = versions.ConvertAll(v => Entry(v, titles.GetValueOrDefault(v[0].NctId), site)),
        };
        feed.Authors.Add(new SyndicationPerson { Name = "TrialEvidence" });
        feed.Links.Add(new SyndicationLink(new Uri(request.GetEncodedUrl()), "self", null, ChangesApi.AtomType, 0));

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return buffer.ToArray();
    }

    private static SyndicationItem Entry(List<ChangeEntry> changes, string? title, string site)
    {
        var first = changes[0];
        var page = $"{site}/trials/{Uri.EscapeDataString(first.NctId)}";
        var fields = changes.Select(c => c.Field).Distinct().ToList();
        var summary = XmlSafe.Text(string.Join("; ", changes.Take(3).Select(c => $"{c.Field}: {c.Old ?? "(none)"} → {c.New ?? "(none)"}")));
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<p>{Encode(title)}</p><p>Registry update posted {Encode(first.RegistryDate)}; stored {Encode(first.ObservedAt)}; version {first.FromVersion} → {first.ToVersion}.</p><ul>");
        foreach (var change in changes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><b>{Encode(change.Field)}</b>: {Encode(change.Old ?? "(none)")} → {Encode(change.New ?? "(none)")}</li>");
        }

        var item = new SyndicationItem(
            $"{first.NctId}: {(changes.Count <= 3 ? summary : $"{summary}; and {changes.Count - 3} more")}",
            SyndicationContent.CreateHtmlContent(html.Append("</ul>").ToString()),
            new Uri(page),
            $"{page}#version-{first.ToVersion}",
            Time(first.ObservedAt))
        {
            Summary = new TextSyndicationContent($"{changes.Count} change(s): {string.Join(", ", fields)}"),
        };
        if (first.RegistryDate is { Length: 10 } posted && DateOnly.TryParseExact(posted, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            item.PublishDate = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        // ClinicalTrials.gov keeps a record's history on its page; another registry's page is the record.
        item.Links.Add(RegistryId.RegistryOf(first.NctId) == RegistryId.ClinicalTrialsGov
            ? new SyndicationLink(new Uri($"{RegistryId.RegistryUrl(first.NctId)}?tab=history"), "related", "The record's history at ClinicalTrials.gov", "text/html", 0)
            : new SyndicationLink(new Uri(RegistryId.RegistryUrl(first.NctId)), "related", "The record at its registry (through WHO ICTRP's trial page)", "text/html", 0));
        foreach (var field in fields)
        {
            item.Categories.Add(new SyndicationCategory(field));
        }

        return item;
    }

    private static DateTimeOffset Time(string observedAt) => DateTimeOffset.Parse(observedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static string Encode(string? text) => WebUtility.HtmlEncode(XmlSafe.Text(text));
}
