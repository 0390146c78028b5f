using TrialEvidence.Data.Normalisation;

namespace TrialEvidence.Data.Tests.Normalisation;

public class TermMatcherTests
{
    private static readonly TermMatcher<string> Targets = new([("PD-1", "PD-1"), ("PD-L1", "PD-L1"), ("programmed death-1", "PD-1"), ("PD-1 inhibitor", "PD-1")]);

    [Theory]
    [InlineData("PD-1", "PD-1")]
    [InlineData("pd1", "pd1")]
    [InlineData("anti-PD-1 antibody", "PD-1")]
    [InlineData("Anti PD 1", "PD 1")]
    [InlineData("an ＰＤ－１ inhibitor", "ＰＤ－１ inhibitor")]
    [InlineData("Programmed Death-1 (PD-1)", "Programmed Death-1")]
    [InlineData("PD-1 INHIBITOR", "PD-1 INHIBITOR")]
    public void Case_hyphens_spaces_and_full_width_forms_do_not_matter(string text, string matched)
    {
        var match = Assert.Single(Targets.Matches(TermText.Of(text)).Take(1));

        Assert.Equal("PD-1", match.Value);
        Assert.Equal(matched, match.Matched);
    }

    [Fact]
    public void The_longer_term_wins_where_two_start()
    {
        Assert.Equal(["PD-L1"], Targets.Matches(TermText.Of("an anti-PD-L1 antibody")).Select(m => m.Value));
    }

    [Theory]
    [InlineData("SPD1 protein")]
    [InlineData("PD-10 trial")]
    [InlineData("updated 1 day")]
    public void Terms_match_only_whole_words(string text)
    {
        Assert.Empty(Targets.Matches(TermText.Of(text)));
    }

    [Fact]
    public void Matches_come_in_reading_order_with_their_word_positions()
    {
        var matches = Targets.Matches(TermText.Of("PD-L1 first, then PD-1"));

        Assert.Equal([("PD-L1", 0), ("PD-1", 4)], matches.Select(m => (m.Value, m.Position)));
    }

    [Fact]
    public void A_wording_that_holds_a_term_but_means_something_else_gives_nothing()
    {
        var rt = new TermMatcher<string>([("RT", "RT"), ("radiotherapy", "RT")], rules: new TermRules(["RT-PCR"], []));

        Assert.Empty(rt.Matches(TermText.Of("SARS-CoV-2 RT-PCR negative twice")));
        Assert.Empty(rt.Matches(TermText.Of("rt pcr")));
        Assert.Equal(["RT"], rt.Matches(TermText.Of("RT to the liver after RT-PCR")).Select(m => m.Value));
    }

    [Theory]
    [InlineData("pCR rate", true)]
    [InlineData("ypT0 pCR", true)]
    [InlineData("Duration of PCR normalization", false)]
    [InlineData("pcr", false)]
    public void A_case_sensitive_term_matches_only_as_written(string text, bool matches)
    {
        var endpoints = new TermMatcher<string>([("pCR", "pathological response"), ("pathological complete response", "pathological response")], rules: new TermRules([], ["pCR"]));

        Assert.Equal(matches, endpoints.Matches(TermText.Of(text)).Count > 0);
    }

    [Fact]
    public void Two_wordings_of_one_value_that_run_together_alike_give_one_match()
    {
        var ctla4 = new TermMatcher<string>([("CP-675,206", "tremelimumab"), ("CP-675206", "tremelimumab")]);

        Assert.Single(ctla4.Matches(TermText.Of("CP-675,206 10 mg/kg")));
    }

    /// <summary>Matches and words are remembered per thread for the texts read last: each caller still gets a list of its own, and two matchers do not share answers.</summary>
    [Fact]
    public void A_remembered_answer_is_a_copy_and_belongs_to_its_matcher()
    {
        var text = TermText.Of("anti-PD-1 antibody beside an anti-PD-L1 antibody");
        var first = Targets.Matches(text);
        first.Clear();
        var other = new TermMatcher<string>([("antibody", "antibody")]);

        Assert.Same(text, TermText.Of("anti-PD-1 antibody beside an anti-PD-L1 antibody"));
        Assert.Equal(["PD-1", "PD-L1"], Targets.Matches(text).Select(m => m.Value));
        Assert.Equal(["antibody", "antibody"], other.Matches(text).Select(m => m.Value));
    }
}
