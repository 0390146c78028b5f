using System.Text;
using System.Text.Json;
using TrialEvidence.Data.Normalisation;

namespace TrialEvidence.Data.Tests.Normalisation;

/// <summary>A vocabulary file is data a person edits; one that lacks what the code relies on is refused when loaded.</summary>
public sealed class VocabularyTests
{
    private static readonly string Shipped = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "Evidence.Data", "Normalisation", "vocabulary.json"));

    private static Vocabulary Load(string json) => Vocabulary.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void The_shipped_vocabulary_has_every_fixed_term_and_its_targets_end_with_the_unspecified_one()
    {
        var vocabulary = Load(Shipped);

        Assert.Equal(Terms.UnspecifiedRt, vocabulary.RtModalities[^1].Name);
        Assert.Equal(Terms.UnspecifiedIci, vocabulary.Targets[^1]);
        Assert.Equal(["PD-1", "PD-L1", "CTLA-4"], vocabulary.Targets.Take(3));
        Assert.Equal(Terms.OtherEndpoint, vocabulary.EndpointClasses.Single(c => c == Terms.OtherEndpoint));
    }

    [Theory]
    [InlineData("\"RT, unspecified\"", "\"RT, generic\"", "\"RT, unspecified\" as the last")]
    [InlineData("\"target\": \"ICI, unspecified\"", "\"target\": \"ICI, any\"", "\"ICI, unspecified\"")]
    [InlineData("{ \"name\": \"nivolumab\", \"class\": \"ICI\", \"targets\": [\"PD-1\"],", "{ \"name\": \"nivolumab\", \"class\": \"ICI\",", "a target for the ICI nivolumab")]
    [InlineData("{ \"name\": \"nivolumab\", \"class\": \"ICI\", \"targets\": [\"PD-1\"],", "{ \"name\": \"nivolumab\", \"class\": \"ICI\", \"targets\": [],", "a target for the ICI nivolumab")]
    [InlineData("{ \"class\": \"pathological response\",", "{ \"class\": \"pathologic response\",", "the endpoint class \"pathological response\"")]
    [InlineData("{ \"name\": \"metastatic\",", "{ \"name\": \"distant\",", "the disease setting \"metastatic\"")]
    public void A_vocabulary_without_a_fixed_term_is_refused_naming_it(string shipped, string edited, string named)
    {
        Assert.Contains(shipped, Shipped, StringComparison.Ordinal);

        var error = Assert.Throws<JsonException>(() => Load(Shipped.Replace(shipped, edited, StringComparison.Ordinal)));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
