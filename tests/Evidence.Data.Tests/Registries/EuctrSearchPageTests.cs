using System.Text;
using TrialEvidence.Data.Registries;

namespace TrialEvidence.Data.Tests.Registries;

/// <summary>The real EUCTR search results page of ../shared/registries/euctr, and pages that are not one.</summary>
public class EuctrSearchPageTests
{
    private const string SearchPage = "search_query_2015-000590-12_2019.html";

    private static EuctrSearchPage Read(string html) => EuctrSearchPage.Read(new MemoryStream(Encoding.UTF8.GetBytes(html)));

    private static string Html(string name) => File.ReadAllText(SharedData.EuctrFile(name));

    [Fact]
    public void The_count_of_trials_found_and_the_trials_on_the_page_are_read()
    {
        var page = Read(Html(SearchPage));

        Assert.Equal(1, page.TrialsFound);
        Assert.Equal(["2015-000590-12"], page.EudraCtNumbers);
        Assert.Equal(1, page.Pages); // "Displaying page 1 of 1."
    }

    [Fact]
    public void Check_boxes_outside_the_protocol_tab_are_not_its_trials()
    {
        var html = Html(SearchPage).Replace(
            "<div id=\"tabs-1\"",
            "<div id=\"tabs-2\"><input type=\"checkbox\" name=\"enchx\" value=\"2010-000001-01\"/></div><div id=\"tabs-1\"",
            StringComparison.Ordinal);

        Assert.Equal(["2015-000590-12"], Read(html).EudraCtNumbers);
    }

    [Theory]
    [InlineData("(1)", "(1,234)", 1234)]
    [InlineData("(1)", "(12.345)", 12345)]
    [InlineData("(1)", "(0)", 0)]
    public void Counts_are_read_with_their_thousands_separators(string shown, string replacement, int found)
    {
        var page = Read(Html(SearchPage).Replace($"Trials with a EudraCT protocol {shown}", $"Trials with a EudraCT protocol {replacement}", StringComparison.Ordinal));

        Assert.Equal(found, page.TrialsFound);
    }

    [Fact]
    public void A_protocol_page_is_no_search_results_page()
    {
        var error = Assert.Throws<RegistryFormatException>(() => Read(Html("EUCTR2009-016529-32-EE_protocol.html")));

        Assert.Contains("not a search results page", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_cut_short_is_refused_with_where_it_ends()
    {
        var html = Html(SearchPage);

        var error = Assert.Throws<RegistryFormatException>(() => Read(html[..(html.Length / 2)]));

        Assert.Contains("cut short", error.Reason, StringComparison.Ordinal);
        Assert.True(error.Line > 1);
    }

    [Fact]
    public void A_count_too_large_to_be_one_is_refused_not_wrapped()
    {
        var html = Html(SearchPage).Replace("Trials with a EudraCT protocol (1)", "Trials with a EudraCT protocol (99999999999)", StringComparison.Ordinal);

        Assert.Contains("is not a number of trials", Assert.Throws<RegistryFormatException>(() => Read(html)).Message, StringComparison.Ordinal);
    }
}
