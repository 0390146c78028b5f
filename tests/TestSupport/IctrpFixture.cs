using System.Security;
using System.Text;

namespace TrialEvidence.TestSupport;

/// <summary>One trial of a WHO ICTRP export written by a test (<see cref="IctrpFixture"/>).</summary>
public sealed record IctrpTrial(
    string Id, string Register, string Title, string Refreshed = "1 December 2026", string Status = "Recruiting",
    string TargetSize = "1", string SecondaryIds = "", string Sponsor = "");

/// <summary>
/// WHO ICTRP exports written by tests, in the elements and layout of ../shared/registries' real
/// one: for what the shared files do not hold (a ChiCTR record naming a stored NCT record, ICTRP's
/// copy of a ClinicalTrials.gov record refreshed after the registry's own).
/// </summary>
public static class IctrpFixture
{
    public static string Write(string path, params IctrpTrial[] trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8' ?><Trials_downloaded_from_ICTRP>\n");
        foreach (var t in trials)
        {
            xml.Append($"""
                  <Trial>
                    <TrialID>{Escape(t.Id)}</TrialID>
                    <Last_Refreshed_on>{Escape(t.Refreshed)}</Last_Refreshed_on>
                    <Public_title>{Escape(t.Title)}</Public_title>
                    <Primary_sponsor>{Escape(t.Sponsor)}</Primary_sponsor>
                    <Source_Register>{Escape(t.Register)}</Source_Register>
                    <Recruitment_Status>{Escape(t.Status)}</Recruitment_Status>
                    <Target_size>{Escape(t.TargetSize)}</Target_size>
                    <Secondary_ID>{Escape(t.SecondaryIds)}</Secondary_ID>
                  </Trial>

                """);
        }

        File.WriteAllText(path, xml.Append("</Trials_downloaded_from_ICTRP>\n").ToString(), Encoding.UTF8);
        return path;
    }

    private static string Escape(string text) => SecurityElement.Escape(text);
}
