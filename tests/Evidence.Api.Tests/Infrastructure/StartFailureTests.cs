using TrialEvidence.Api.Infrastructure;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace TrialEvidence.Api.Tests.Infrastructure;

/// <summary>When the API cannot start it says why in one line and exits non-zero; it never aborts with a stack trace.</summary>
public sealed class StartFailureTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_address_in_use_ends_the_start_with_one_line_naming_it()
    {
        using var database = new ApiDatabase();
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        using var api = ApiProcess.Start(database.Environment(new()
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        }));

        var exitCode = await api.Exit(StartTimeout);

        Assert.Equal(StartFailure.Failed, exitCode);
        var line = Assert.Single(api.Errors);
        Assert.StartsWith("error: cannot listen", line, StringComparison.Ordinal);
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_short_api_key_ends_the_start_with_one_line_saying_so()
    {
        using var database = new ApiDatabase();
        using var api = ApiProcess.Start(database.Environment(new()
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ApiProcess.FreePort()}",
            ["TRIALEVIDENCE_Api__HarvestApiKey"] = "short",
        }));

        var exitCode = await api.Exit(StartTimeout);

        Assert.Equal(StartFailure.BadSettings, exitCode);
        var line = Assert.Single(api.Errors);
        Assert.Equal("error: configuration: Api:HarvestApiKey must be at least 16 characters (or empty, which switches harvests on demand off)", line);
        Assert.DoesNotContain(api.Output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mistyped_address_is_refused_in_one_line_not_read_as_every_interface()
    {
        using var database = new ApiDatabase();
        using var api = ApiProcess.Start(database.Environment(new()
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:5183x",
        }));

        var exitCode = await api.Exit(StartTimeout);

        Assert.Equal(StartFailure.BadSettings, exitCode);
        var line = Assert.Single(api.Errors);
        Assert.StartsWith("error: configuration: urls: 'http://127.0.0.1:5183x' is not an address to listen on", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_path_that_is_a_folder_ends_the_start_with_one_line_naming_it()
    {
        using var database = new TempDatabase();
        var folder = Path.Combine(database.Directory, "a-folder.db");
        Directory.CreateDirectory(folder);
        using var api = ApiProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ApiProcess.FreePort()}",
            ["TRIALEVIDENCE_Database__Path"] = folder,
        });

        var exitCode = await api.Exit(StartTimeout);

        Assert.Equal(StartFailure.Failed, exitCode);
        var line = Assert.Single(api.Errors);
        Assert.Equal($"error: cannot open the database {folder}: it is a folder; Database:Path must name a file", line);
        Assert.DoesNotContain(api.Output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    /// <summary>PostgreSQL's counterpart of the folder: a server that refuses the credentials, named without the password.</summary>
    [SkippableFact]
    public async Task A_postgres_server_that_refuses_the_password_ends_the_start_with_one_line_naming_it_without_the_password()
    {
        var refused = new NpgsqlConnectionStringBuilder(PostgresServer.Require()) { Password = "not-the-password-4f1c" };
        using var api = ApiProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ApiProcess.FreePort()}",
            ["TRIALEVIDENCE_Database__Provider"] = "Postgres",
            ["TRIALEVIDENCE_Database__ConnectionString"] = refused.ConnectionString,
        });

        var exitCode = await api.Exit(StartTimeout);

        Assert.Equal(StartFailure.Failed, exitCode);
        var line = Assert.Single(api.Errors);
        Assert.StartsWith($"error: cannot open the database postgresql://{refused.Username}@{refused.Host}:{refused.Port}/{refused.Database}: ", line, StringComparison.Ordinal);
        Assert.Contains("password authentication failed", line, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password-4f1c", string.Join('\n', api.Output.Concat(api.Errors)), StringComparison.Ordinal);
        Assert.DoesNotContain(api.Output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_api_key_starts_with_harvests_on_demand_switched_off()
    {
        using var database = new ApiDatabase();
        var address = new Uri($"http://127.0.0.1:{ApiProcess.FreePort()}/");
        using var api = ApiProcess.Start(database.Environment(new()
        {
            ["ASPNETCORE_URLS"] = address.ToString(),
            ["TRIALEVIDENCE_Api__HarvestApiKey"] = "",
        }));

        Assert.Equal(HttpStatusCode.OK, await api.FirstAnswer(new Uri(address, "/api/topics"), StartTimeout));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, "/api/topics/hcc-irt/harvest"));
        request.Headers.Add("X-Api-Key", "");
        using var harvest = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, harvest.StatusCode);
        Assert.Contains("switched off", await harvest.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
