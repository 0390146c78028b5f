using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Tests.Studies;

public class RegistryIdTests
{
    [Theory]
    [InlineData("NCT03482102", "ClinicalTrials.gov")]
    [InlineData("ChiCTR2000034346", "ChiCTR")]
    [InlineData("ChiCTR-TRC-12002345", "ChiCTR")]
    [InlineData("ChiCTR-IOR-17013123", "ChiCTR")]
    [InlineData("EUCTR2005-002909-23-PT", "EUCTR")]
    [InlineData("EUCTR2011-005852-33-3RD", "EUCTR")]
    [InlineData("EUCTR2011-005852-33-Outside-EU/EEA", "EUCTR")]
    [InlineData("ISRCTN12345678", "ISRCTN")]
    [InlineData("ACTRN12618000123456", "ANZCTR")]
    [InlineData("CTRI/2020/03/024041", "CTRI")]
    [InlineData("JPRN-UMIN000012345", "JPRN")]
    [InlineData("JPRN-jRCT2031190123", "JPRN")]
    [InlineData("KCT0004567", "CRIS")]
    [InlineData("DRKS00012345", "DRKS")]
    public void An_id_names_the_registry_that_issued_it(string id, string registry)
    {
        Assert.Equal(registry, RegistryId.RegistryOf(id));
        Assert.True(RegistryId.IsPlausible(id));
    }

    [Theory]
    [InlineData("NCT0348210")]
    [InlineData("NCT123")]
    [InlineData("nct03482102")] // stored upper case: Canonical makes it so
    [InlineData("ChiCTR20000")]
    [InlineData("EUCTR2005-002909-23")]
    [InlineData("DROP")]
    [InlineData("")]
    public void A_near_miss_names_no_registry(string id)
    {
        Assert.Null(RegistryId.RegistryOf(id));
    }

    [Theory]
    [InlineData("NCT123")]
    [InlineData("NCT0348210212")]
    [InlineData("ChiCTR1")]
    [InlineData("DROP")]
    [InlineData("1234567")]
    [InlineData("NCT03482102;DROP")]
    [InlineData("a b 12345")]
    public void What_cannot_be_a_trial_id_is_not_plausible(string id)
    {
        Assert.False(RegistryId.IsPlausible(id));
    }

    [Theory]
    [InlineData("LBCTR2019020194")]
    [InlineData("ITMCTR2100004321")]
    [InlineData("NL-OMON12345")]
    public void An_id_of_a_registry_not_listed_is_plausible(string id)
    {
        Assert.Null(RegistryId.RegistryOf(id));
        Assert.True(RegistryId.IsPlausible(id));
    }

    [Theory]
    [InlineData("nct03482102", "NCT03482102")]
    [InlineData("CHICTR2000034346", "ChiCTR2000034346")]
    [InlineData("chictr-trc-12002345", "ChiCTR-TRC-12002345")]
    [InlineData("euctr2005-002909-23-pt", "EUCTR2005-002909-23-PT")]
    [InlineData(" NCT03482102 ", "NCT03482102")]
    [InlineData("NCT123", null)]
    public void An_id_typed_in_any_case_is_written_as_its_registry_writes_it(string typed, string? canonical)
    {
        Assert.Equal(canonical, RegistryId.Canonical(typed));
    }

    [Fact]
    public void A_clinicaltrials_gov_record_links_to_its_page_and_another_to_the_ictrp_trial_page()
    {
        Assert.Equal("https://clinicaltrials.gov/study/NCT03482102", RegistryId.RegistryUrl("NCT03482102"));
        Assert.Equal("https://trialsearch.who.int/Trial2.aspx?TrialID=ChiCTR2000034346", RegistryId.RegistryUrl("ChiCTR2000034346"));
        Assert.Equal("https://trialsearch.who.int/Trial2.aspx?TrialID=CTRI%2F2020%2F03%2F024041", RegistryId.RegistryUrl("CTRI/2020/03/024041"));
    }
}
