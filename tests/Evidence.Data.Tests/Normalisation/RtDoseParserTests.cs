using TrialEvidence.Data.Normalisation;

namespace TrialEvidence.Data.Tests.Normalisation;

public class RtDoseParserTests
{
    private static RtRegimen Only(string text) => RtDoseParser.ToRegimen(Assert.Single(RtDoseParser.Parse(text)), 0, "test");

    [Theory]
    [InlineData("20 Gy in 5 daily fractions", 20, 5, 4)]
    [InlineData("30 Gy in 10 daily doses", 30, 10, 3)] // set 26
    [InlineData("SBRT 40 Gy in 5 fractions", 40, 5, 8)]
    [InlineData("8 Gy x 3", 24, 3, 8)]
    [InlineData("8 Gy × 3", 24, 3, 8)]
    [InlineData("3 x 8 Gy", 24, 3, 8)]
    [InlineData("18 Gy/6 F", 18, 6, 3)]
    [InlineData("30 Gy/3 fx", 30, 3, 10)]
    [InlineData("50 Gy in 25 fx", 50, 25, 2)]
    [InlineData("5 fractions of 6 Gy", 30, 5, 6)]
    [InlineData("4500 cGy in 25 fractions", 45, 25, 1.8)]
    [InlineData("20 Gy x 1", 20, 1, 20)]
    [InlineData("39 Gy (RBE) in 13 fractions", 39, 13, 3)] // particle beams' biological-effectiveness mark
    [InlineData("70.4 Gy[RBE] in 16 fractions", 70.4, 16, 4.4)]
    [InlineData("60 GyE in 15 fx", 60, 15, 4)]
    [InlineData("3 x 8 Gy RBE", 24, 3, 8)]
    [InlineData("70 GyRBE in 28 fractions", 70, 28, 2.5)]
    [InlineData("70 Gy (E) in 35 fractions", 70, 35, 2)]
    [InlineData("74 CGE in 37 fractions", 74, 37, 2)]
    [InlineData("single doses of 3Gy to a total dose of 36Gy", 36, 12, 3)] // set 24
    [InlineData("2.5 Gy per fraction to a total of 50 Gy", 50, 20, 2.5)]
    [InlineData("180 cGy daily to a total dose of 5040 cGy", 50.4, 28, 1.8)]
    [InlineData("8 Gy in 3 fractions for a total of 24 Gy", 24, 3, 8)] // set 33: the fractions add up to the total
    [InlineData("24 Gy in 3 fractions, for a total dose of 24 Gy", 24, 3, 8)] // the first dose is the total
    [InlineData("8 Gy in a single fraction", 8, 1, 8)] // set 34
    [InlineData("8 Gy single-fraction RT", 8, 1, 8)]
    [InlineData("single dose radiation regimens of 8Gy", 8, 1, 8)]
    [InlineData("Single-Dose Radiotherapy, SDRT) of 24 Gy", 24, 1, 24)]
    [InlineData("a single fraction of radiotherapy to the area of spinal cord compression (total of 10 Gy)", 10, 1, 10)] // set 73: the NCI's outline
    [InlineData("radiotherapy to the area of spinal cord compression once daily for 5 days (total of 20 Gy)", 20, 5, 4)]
    [InlineData("radiotherapy daily for 5 consecutive days to a total dose of 25 Gy", 25, 5, 5)]
    [InlineData("25 Gy in five fractions", 25, 5, 5)] // set 89: a count in words
    [InlineData("50 Gy in Twenty-Five fractions", 50, 25, 2)]
    [InlineData("45 Gy in twenty five daily fractions", 45, 25, 1.8)]
    [InlineData("Two fractions of 3.85 Gy", 7.7, 2, 3.85)]
    [InlineData("30 Gy in ten daily doses", 30, 10, 3)]
    [InlineData("8 Gy in three fractions for a total of 24 Gy", 24, 3, 8)]
    public void Dose_and_fractionation_forms_are_read(string text, double total, int fractions, double perFraction)
    {
        var regimen = Only(text);

        Assert.Equal((total, total, fractions, fractions), (regimen.TotalDoseGyMin!.Value, regimen.TotalDoseGyMax!.Value, regimen.FractionsMin!.Value, regimen.FractionsMax!.Value));
        Assert.Equal(perFraction, regimen.DosePerFractionGyMin!.Value, 2);
        Assert.Equal(perFraction, regimen.DosePerFractionGyMax!.Value, 2);
    }

    [Fact]
    public void Bed_and_eqd2_use_alpha_beta_10()
    {
        var regimen = Only("40 Gy in 5 fractions");

        // BED = n d (1 + d/10) = 40 (1 + 0.8) = 72; EQD2 = n d (d + 10) / 12 = 40 * 18 / 12 = 60.
        Assert.Equal((72.0, 72.0, 60.0, 60.0), (regimen.Bed10GyMin!.Value, regimen.Bed10GyMax!.Value, regimen.Eqd2GyMin!.Value, regimen.Eqd2GyMax!.Value));
    }

    [Fact]
    public void Ranges_span_every_combination_of_their_ends()
    {
        var regimen = Only("The prescribed dose is 24-40 Gy in 3-5 fractions over 1-2 weeks.");

        Assert.Equal((24.0, 40.0, 3, 5), (regimen.TotalDoseGyMin!.Value, regimen.TotalDoseGyMax!.Value, regimen.FractionsMin!.Value, regimen.FractionsMax!.Value));
        // Per fraction: 24/5 = 4.8 to 40/3 = 13.33. BED: 24 Gy in 5 (35.52) to 40 Gy in 3 (93.33).
        Assert.Equal((4.8, 13.33), (regimen.DosePerFractionGyMin!.Value, regimen.DosePerFractionGyMax!.Value));
        Assert.Equal((35.52, 93.33), (regimen.Bed10GyMin!.Value, regimen.Bed10GyMax!.Value));
    }

    [Theory]
    [InlineData("a total dose of 45 Gy", "45 Gy")]
    [InlineData("up to 60 Gray to the tumour", "60 Gray")]
    [InlineData("doses of 7 Gy to a total of 50 Gy", "7 Gy to a total of 50 Gy")] // not a whole number of fractions
    [InlineData("50 Gy, 2 doses of mitomycin C", "50 Gy")] // a drug's doses beside an RT dose
    [InlineData("radiotherapy twice daily for 5 days (total of 30 Gy)", "30 Gy")] // two fractions a day
    [InlineData("hyperfractionated IMRT, 40.8 Gy in 1.2 fractions twice daily", "40.8 Gy in 1.2 fractions")] // set 73: a count is whole
    [InlineData("a single fraction or five fractions of radiotherapy (total of 20 Gy)", "20 Gy")] // the total of the schedule compared with it
    [InlineData("45 Gy to someone's pelvis", "45 Gy")] // "one" inside a word is no count
    [InlineData("60 Gy, tenfold fractions", "60 Gy")]
    public void A_dose_without_its_fractions_stays_raw_and_is_not_guessed(string text, string raw)
    {
        var regimen = Only(text);

        Assert.False(regimen.IsParsed);
        Assert.Null(regimen.TotalDoseGyMin);
        Assert.Equal(raw, regimen.RawText);
    }

    [Fact]
    public void Several_statements_in_one_text_are_all_read()
    {
        var doses = RtDoseParser.Parse("Arm A: 8 Gy x 3. Arm B: 20 Gy x 1. Arm C: 6 Gy x 5.").Select(d => RtDoseParser.ToRegimen(d, 0, "t")).ToList();

        Assert.Equal([24.0, 20.0, 30.0], doses.Select(d => d.TotalDoseGyMin!.Value));
    }

    [Theory]
    [InlineData("Nivolumab 240 mg every 2 weeks")]
    [InlineData("")]
    [InlineData(null)]
    public void Text_without_a_dose_gives_nothing(string? text)
    {
        Assert.Empty(RtDoseParser.Parse(text));
    }
}
