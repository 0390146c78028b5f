using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TrialEvidence.Data.Configuration;
using TrialEvidence.Data.Database;

namespace TrialEvidence.Data.Tests.Configuration;

/// <summary>A misspelt setting or a value of the wrong type is refused when a host starts, not silently ignored or thrown by the binder.</summary>
public sealed class KnownSettingsTests
{
    private static async Task<OptionsValidationException> StartWith(params (string Key, string Value)[] settings)
    {
        using var database = new TempDatabase();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddInMemoryCollection([new("Database:Path", database.Path), .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))]);
        builder.Services.AddEvidenceDatabase(builder.Configuration);
        using var host = builder.Build();
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    [Fact]
    public async Task A_misspelt_setting_is_named_with_the_settings_there_are()
    {
        var error = await StartWith(("Database:BusyTimeoutMiliseconds", "100"));

        var failure = Assert.Single(error.Failures);
        Assert.Equal("Database:BusyTimeoutMiliseconds: there is no setting 'BusyTimeoutMiliseconds' (there are: Provider, Path, ConnectionString, BusyTimeoutMilliseconds, PageCacheMiB)", failure);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_or_with_a_bad_one_is_refused_at_start()
    {
        var missing = await StartWith(("Database:Provider", "Postgres"));
        var bad = await StartWith(("Database:Provider", "postgres"), ("Database:ConnectionString", "Host=db"));
        var unknown = await StartWith(("Database:Provider", "Oracle"));

        Assert.Contains(missing.Failures, f => f.Contains("Database:ConnectionString is not set", StringComparison.Ordinal));
        Assert.Contains(bad.Failures, f => f.Contains("Database:ConnectionString: it names no Database", StringComparison.Ordinal));
        Assert.Contains(unknown.Failures, f => f.StartsWith("Database:Provider: 'Oracle' is not", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_reported_with_the_others_not_thrown_by_the_binder()
    {
        var error = await StartWith(("Database:BusyTimeoutMilliseconds", "soon"), ("Database:Pth", "x.db"));

        Assert.Equal(2, error.Failures.Count());
        Assert.Contains("Database:BusyTimeoutMilliseconds: 'soon' is not a whole number", error.Failures);
    }

    [Theory]
    [InlineData("Path", "a.db", null)]
    [InlineData("path", "a.db", null)]
    [InlineData("BusyTimeoutMilliseconds", "1e3", "'1e3' is not a whole number")]
    [InlineData("Path:Deeper", "a.db", "'Deeper' is below a setting that holds text, which has no settings of its own")]
    public void Keys_compare_ignoring_case_and_values_convert_as_the_binder_converts_them(string key, string value, string? problem)
    {
        Assert.Equal(problem, KnownSettings.Problem(typeof(DatabaseOptions), key.Split(':'), value));
    }

    [Fact]
    public void An_empty_list_in_appsettings_json_is_nothing_set_not_a_wrong_value()
    {
        // The JSON provider reads "Topics": [] as the key "Topics" with the value "".
        var json = new ConfigurationBuilder().AddJsonStream(new MemoryStream("{\"Items\": [], \"Item\": {}}"u8.ToArray())).Build();

        Assert.Equal("", json["Items"]);
        Assert.Null(KnownSettings.Problem(typeof(List<DatabaseOptions>), [], json["Items"]));
        Assert.Null(KnownSettings.Problem(typeof(DatabaseOptions), [], json["Item"]));
        Assert.Equal("'x' is not a DatabaseOptions", KnownSettings.Problem(typeof(DatabaseOptions), [], "x"));
    }
}
