namespace Lapak.Tests.Infrastructure;

public enum Db { Sqlite, Postgres }

/// <summary>Every integration test runs once per database provider.</summary>
public sealed class Databases : TheoryData<Db>
{
    public Databases()
    {
        Add(Db.Sqlite);
        Add(Db.Postgres);
    }
}

/// <summary>
/// One running Lapak per database, shared by the tests of the <see cref="Name"/> collection. Tests do not
/// reset the database between them: each creates its own users (<see cref="LapakApp.CreateUserAsync"/>),
/// so they never see each other's data and the suite stays fast.
/// </summary>
public sealed class Apps : IAsyncLifetime
{
    public const string Name = "apps";
    private readonly Dictionary<Db, Task<LapakApp>> _apps = [];
    private readonly Lock _gate = new();

    public Task<LapakApp> Get(Db db)
    {
        lock (_gate)
        {
            if (!_apps.TryGetValue(db, out var app)) _apps[db] = app = LapakApp.StartAsync(db);
            return app;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
            if (app.IsCompletedSuccessfully) await app.Result.DisposeAsync();
    }
}

[CollectionDefinition(Apps.Name)]
public sealed class AppsCollection : ICollectionFixture<Apps>;
