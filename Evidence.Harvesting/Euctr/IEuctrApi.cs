using Refit;

namespace TrialEvidence.Euctr;

/// <summary>
/// The two requests of an EUCTR harvest, as the register's own search and "Download" buttons make
/// them: a page of search results (HTML: how many trials were found, which are on the page) and
/// the full-text download of the same page's trials (every member state's record of each). The
/// register shows 20 trials a page. The query holds the search form's parameters
/// (query, phase, status, country, age, gender, resultsstatus, dateFrom, dateTo).
/// </summary>
public interface IEuctrApi
{
    [Get("/ctr-search/search")]
    Task<HttpResponseMessage> SearchAsync([Query] IDictionary<string, string> query, int page, CancellationToken cancellationToken);

    [Get("/ctr-search/rest/download/full?mode=current_page&format=text&dContent=full&number=current_page&submit-download=Download")]
    Task<HttpResponseMessage> DownloadPageAsync([Query] IDictionary<string, string> query, int page, CancellationToken cancellationToken);
}
