using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Lapak.Tests.Infrastructure;

/// <summary>
/// A real Lapak on Kestrel (a real port, real sockets) over a fresh database of its own: a temporary SQLite
/// file or a new PostgreSQL database. E-mail goes to the MailDev server of the test run; <see cref="Mail"/> reads it.
/// </summary>
public sealed class LapakApp : WebApplicationFactory<Program>
{
    public const string Password = "Test#Pass2026";

    private readonly Dictionary<string, string?> _settings;
    private readonly string _folder;
    private string? _pgDatabase; // null when the database belongs to another instance
    private string? _inheritedFolder; // a stopped predecessor's files (its SQLite database), deleted with this instance
    private bool _keepFolder; // a successor took over this instance's files

    public Db Db { get; }
    /// <summary>Extra host configuration for a test that needs it (set before the app starts).</summary>
    public Action<IWebHostBuilder>? Configure { get; init; }
    public Uri BaseAddress { get; }
    public MailBox Mail { get; } = new();

    private LapakApp(Db db, IDictionary<string, string?>? settings)
    {
        Db = db;
        var port = TestServices.FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _folder = Directory.CreateTempSubdirectory("lapak-test-").FullName;
        _settings = new Dictionary<string, string?>
        {
            ["Lapak:PublicUrl"] = BaseAddress.ToString().TrimEnd('/'),
            ["Lapak:FilesPath"] = Path.Combine(_folder, "files"),
            ["DataProtection:KeysPath"] = Path.Combine(_folder, "keys"),
            ["Database:SeedDemoData"] = "true",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = TestServices.SmtpPort.ToString(),
            ["RateLimits:AuthPerMinute"] = "100000",
            ["RateLimits:ApiPerMinute"] = "100000",
            ["Notifications:Outbox:PollInterval"] = "00:00:01",
            ["Notifications:Outbox:InitialBackoff"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        };
        if (db == Db.Postgres)
        {
            _pgDatabase = "lapak_test_" + Guid.NewGuid().ToString("N")[..12];
            var cs = new NpgsqlConnectionStringBuilder(TestServices.Postgres) { Database = _pgDatabase, Pooling = true };
            _settings["Database:Provider"] = "Postgres";
            _settings["ConnectionStrings:Postgres"] = cs.ToString();
        }
        else
        {
            _settings["Database:Provider"] = "Sqlite";
            _settings["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(_folder, "lapak.db")}";
        }
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) _settings[k] = v;
        UseKestrel(port);
    }

    /// <summary>Starts an app; <paramref name="settings"/> override configuration keys (e.g. <c>Realtime:Redis</c>).</summary>
    public static async Task<LapakApp> StartAsync(Db db, IDictionary<string, string?>? settings = null, Action<IWebHostBuilder>? configure = null)
    {
        var app = new LapakApp(db, settings) { Configure = configure };
        await app.StartServerAsync();
        return app;
    }

    /// <summary>
    /// An app that reads inbound mail from the test run's Dovecot, from a folder of its own: tests run in parallel
    /// on one mailbox, and a poller must never take another test's mail. Nothing polls by itself (the interval is a
    /// day); tests call <c>InboundMailbox.PollOnceAsync</c>.
    /// </summary>
    public static Task<LapakApp> StartWithInboundMailAsync(Db db, IDictionary<string, string?>? settings = null)
    {
        var tag = Guid.NewGuid().ToString("N")[..12];
        var merged = new Dictionary<string, string?>
        {
            ["Helpdesk:Inbound:Host"] = "127.0.0.1",
            ["Helpdesk:Inbound:Port"] = TestServices.ImapPort.ToString(),
            ["Helpdesk:Inbound:Security"] = "None",
            ["Helpdesk:Inbound:Username"] = TestServices.ImapUser,
            ["Helpdesk:Inbound:Password"] = TestServices.ImapPassword,
            ["Helpdesk:Inbound:Folder"] = $"in-{tag}",
            ["Helpdesk:Inbound:ProcessedFolder"] = $"done-{tag}",
            ["Helpdesk:Inbound:FailedFolder"] = $"failed-{tag}",
            ["Helpdesk:Inbound:PollSeconds"] = "86400",
            ["Helpdesk:Inbound:SupportAddress"] = $"support-{tag}@x.test",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) merged[k] = v;
        return StartAsync(db, merged);
    }

    /// <summary>The IMAP folder this app reads (null without inbound mail) and the folder it moves handled mail to.</summary>
    public string? InboundFolder => _settings.GetValueOrDefault("Helpdesk:Inbound:Folder");
    public string? ProcessedFolder => _settings.GetValueOrDefault("Helpdesk:Inbound:ProcessedFolder");
    public string? FailedFolder => _settings.GetValueOrDefault("Helpdesk:Inbound:FailedFolder");
    public string? SupportAddress => _settings.GetValueOrDefault("Helpdesk:Inbound:SupportAddress");

    /// <summary>A second instance on the same database (for backplane and several-instances tests).</summary>
    public static async Task<LapakApp> StartSiblingAsync(LapakApp first, IDictionary<string, string?>? settings = null)
    {
        var merged = new Dictionary<string, string?>
        {
            ["Database:Provider"] = first._settings["Database:Provider"],
            ["ConnectionStrings:Postgres"] = first._settings.GetValueOrDefault("ConnectionStrings:Postgres"),
            ["ConnectionStrings:Sqlite"] = first._settings.GetValueOrDefault("ConnectionStrings:Sqlite"),
            ["DataProtection:KeysPath"] = first._settings["DataProtection:KeysPath"],
            ["Lapak:FilesPath"] = first._settings["Lapak:FilesPath"],
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) merged[k] = v;
        var app = new LapakApp(first.Db, merged) { _pgDatabase = null };
        await app.StartServerAsync();
        return app;
    }

    /// <summary>
    /// "Restarts" <paramref name="first"/>: starts a sibling on the same database and makes it the owner of the data, so
    /// disposing <paramref name="first"/> afterwards only stops that instance (it no longer drops the PostgreSQL database
    /// or deletes the SQLite file), and the successor cleans up when it is disposed.
    /// </summary>
    public static async Task<LapakApp> StartSuccessorAsync(LapakApp first, IDictionary<string, string?>? settings = null)
    {
        var next = await StartSiblingAsync(first, settings);
        next._pgDatabase = first._pgDatabase;
        first._pgDatabase = null;
        next._inheritedFolder = first._folder;
        first._keepFolder = true;
        return next;
    }

    private async Task StartServerAsync()
    {
        if (_pgDatabase is not null)
        {
            await using var conn = new NpgsqlConnection(TestServices.Postgres);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_pgDatabase}", conn);
            try { await cmd.ExecuteNonQueryAsync(); }
            catch (PostgresException e) when (e.SqlState == "42P04") { /* a sibling instance made it */ }
        }
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // UseSetting, not ConfigureAppConfiguration: Program.cs reads configuration before Build().
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        Configure?.Invoke(builder);
    }

    // ---------- users ----------

    /// <summary>A new confirmed, active user with the given roles (Customer when none) and <see cref="Password"/>.</summary>
    public async Task<TestUser> CreateUserAsync(params string[] roles)
    {
        if (roles.Length == 0) roles = [Roles.Customer];
        var tag = Guid.NewGuid().ToString("N")[..10];
        var user = new LapakUser
        {
            UserName = $"{roles[0].ToLowerInvariant()}-{tag}@test.lapak", Email = $"{roles[0].ToLowerInvariant()}-{tag}@test.lapak",
            EmailConfirmed = true, FullName = $"{roles[0]} {tag}", PhoneNumber = "081234567890", CreatedAt = DateTime.UtcNow,
        };
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LapakUser>>();
        Check(await users.CreateAsync(user, Password));
        foreach (var role in roles) Check(await users.AddToRoleAsync(user, role));
        return new TestUser(user.Id, user.Email, Password, user.FullName);

        static void Check(IdentityResult r)
        {
            if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>Runs <paramref name="work"/> against the app's database in a scope of its own.</summary>
    public async Task<T> WithDbAsync<T>(Func<LapakDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LapakDbContext>());
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    // ---------- clients ----------

    /// <summary>A browser-like client with its own cookies that does not follow redirects.</summary>
    public PageClient Pages() => new(this);

    /// <summary>Signs in through the login page, as a person would.</summary>
    public async Task<PageClient> SignInAsync(TestUser user)
    {
        var pages = Pages();
        var result = await pages.PostFormAsync("/account/login", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        if (result.Status != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {user.Email} failed: {result.Status}\n{result.Text[..Math.Min(600, result.Text.Length)]}");
        return pages;
    }

    public HttpClient Anonymous() => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    /// <summary>An API client holding a bearer token from <c>POST /api/v1/auth/token</c>.</summary>
    public async Task<HttpClient> ApiAsync(TestUser user)
    {
        var client = Anonymous();
        var token = await TokenAsync(user);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> TokenAsync(TestUser user)
    {
        using var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = user.Password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return body!.AccessToken;
    }

    /// <summary>A connected SignalR client of <c>/hubs/live</c>, authenticated as <paramref name="user"/>.</summary>
    public async Task<HubConnection> ConnectHubAsync(TestUser user)
    {
        var token = await TokenAsync(user);
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await hub.StartAsync();
        return hub;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                await using var conn = new NpgsqlConnection(TestServices.Postgres);
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)", conn);
                await cmd.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException) { /* the server is stopped with the test run anyway */ }
        }
        foreach (var folder in new[] { _keepFolder ? null : _folder, _inheritedFolder })
        {
            if (folder is null) continue;
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
}

public sealed record TestUser(Guid Id, string Email, string Password, string FullName);
