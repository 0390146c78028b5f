using TrialEvidence.ClinicalTrialsGov;
using TrialEvidence.Data.Registries;

namespace TrialEvidence.Euctr;

/// <summary>
/// EUCTR's answers, once per attempt: a search results page with its trial count, or a full-text
/// download whose every record is whole. An error page sent with 200 or a download that stops
/// mid-record is retried like any transient failure.
/// </summary>
internal sealed class EuctrResponseCheck() : CheckedBodyHandler("EUCTR")
{
    protected override string? Problem(HttpRequestMessage request, byte[] body)
    {
        try
        {
            if (request.RequestUri?.AbsolutePath.EndsWith("/download/full", StringComparison.Ordinal) == true)
            {
                EuctrDownloadPage.Check(body);
            }
            else
            {
                EuctrSearchPage.Read(new MemoryStream(body, writable: false));
            }

            return null;
        }
        catch (RegistryFormatException ex)
        {
            return $"cannot be read ({body.Length:N0} bytes): {ex.Message}";
        }
    }
}
