using System.Text;
using TrialEvidence.Data.Studies;

namespace TrialEvidence.Data.Tests.Studies;

public class ContentHashTests
{
    private static string Hash(string json) => ContentHash.Of(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Whitespace_between_tokens_does_not_change_the_hash()
    {
        Assert.Equal(Hash("{\"a\":[1,2],\"b\":\"x\"}"), Hash("{\n  \"a\" : [ 1,\t2 ],\r\n  \"b\": \"x\"\n}\n"));
    }

    [Fact]
    public void Whitespace_inside_strings_is_content()
    {
        Assert.NotEqual(Hash("{\"a\":\"x y\"}"), Hash("{\"a\":\"xy\"}"));
    }

    [Fact]
    public void An_escaped_quote_does_not_end_a_string()
    {
        // If \" ended the string, the spaces after it would be dropped and these would collide.
        Assert.NotEqual(Hash("{\"a\":\"say \\\" hi \"}"), Hash("{\"a\":\"say \\\"hi\"}"));
        Assert.Equal(Hash("{\"a\":\"say \\\" hi \"}"), Hash("{ \"a\" : \"say \\\" hi \" }"));
    }

    [Fact]
    public void An_escaped_backslash_before_a_closing_quote_ends_the_string()
    {
        Assert.Equal(Hash("{\"a\":\"c:\\\\\",\"b\":1}"), Hash("{\"a\":\"c:\\\\\" , \"b\" : 1}"));
    }

    [Fact]
    public void A_changed_value_changes_the_hash()
    {
        var original = File.ReadAllText(SharedData.CtGovFile("NCT03418623.json"));
        var changed = original.Replace("\"count\": 24", "\"count\": 25", StringComparison.Ordinal);
        Assert.NotEqual(original, changed);

        Assert.NotEqual(Hash(original), Hash(changed));
    }

    [Fact]
    public void The_split_file_and_its_array_element_hash_alike()
    {
        var split = File.ReadAllText(SharedData.CtGovFile("ctg-studies-dgg32", "NCT05923281.json"));
        var arrayLine = File.ReadAllLines(SharedData.CtGovFile("ctg-studies-dgg32.json"))
            .Single(line => line.Contains("\"NCT05923281\"", StringComparison.Ordinal)).TrimEnd(',');

        Assert.Equal(Hash(split), Hash(arrayLine));
    }

    [Theory]
    [InlineData("{\"a\":1,\"registryDocument\":\"<Trial><Export_date>3/18/2020</Export_date></Trial>\"}", "{\"a\":1,\"registryDocument\":\"<Trial><Export_date>3/19/2020</Export_date></Trial>\"}")]
    [InlineData("{\"registryDocument\":\"one \\\" quoted \\\\\",\"a\":1}", "{ \"registryDocument\" : \"two\" , \"a\" : 1 }")]
    [InlineData("{\"a\":1,\"registryDocument\":\"x\"}", "{\"a\":1}")]
    public void Another_registrys_document_is_not_part_of_the_version(string one, string other)
    {
        Assert.Equal(Hash(one), Hash(other));
    }

    [Fact]
    public void A_value_that_only_mentions_the_document_key_is_content()
    {
        // Inside a string every quote is escaped: the key's bytes cannot occur there.
        Assert.NotEqual(Hash("{\"a\":\"\\\"registryDocument\\\":\\\"x\\\"\"}"), Hash("{\"a\":\"\\\"registryDocument\\\":\\\"y\\\"\"}"));
        Assert.NotEqual(Hash("{\"a\":1,\"registryDocument\":\"x\"}"), Hash("{\"a\":2,\"registryDocument\":\"x\"}"));
    }
}
