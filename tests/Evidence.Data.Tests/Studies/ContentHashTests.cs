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
}
