using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Lapak.Bench;

/// <summary>
/// Lapak as a child process (<c>dotnet Lapak.Web.dll</c>) on a free loopback port, with its own temporary
/// database, files and keys, so a run measures a fresh instance and leaves nothing behind.
/// </summary>
public sealed class LapakProcess : IAsyncDisposable
{
    private Process _process;
    private readonly string _folder;
    private readonly StreamWriter _log;

    public string Url { get; }
    /// <summary>"Sqlite" or "Postgres", and the connection string the instance uses (for scenarios that seed data directly).</summary>
    public string Provider { get; private init; } = "Sqlite";
    public string ConnectionString { get; private init; } = "";
    public string LogPath => Path.Combine(_folder, "lapak.log");

    /// <summary>The CPU time Lapak has used so far: what a scenario costs regardless of how busy the machine is.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    private LapakProcess(Process process, string folder, StreamWriter log, string url)
    {
        _process = process;
        _folder = folder;
        _log = log;
        Url = url;
    }

    public static async Task<LapakProcess> StartAsync(string? postgres, CancellationToken ct, int? smtpPort = null)
    {
        var dll = WebDll();
        var folder = Directory.CreateTempSubdirectory("lapak-bench-").FullName;
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = Path.GetDirectoryName(dll)!, // content root: appsettings.json and wwwroot of the build
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["DOTNET_ENVIRONMENT"] = "Production";
        env["ASPNETCORE_URLS"] = url;
        env["Lapak__PublicUrl"] = url;
        env["Lapak__FilesPath"] = Path.Combine(folder, "files");
        env["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(folder, "lapak.db")}";
        env["DataProtection__KeysPath"] = Path.Combine(folder, "keys");
        env["Database__Provider"] = postgres is null ? "Sqlite" : "Postgres";
        if (postgres is not null) env["ConnectionStrings__Postgres"] = postgres;
        env["Database__SeedDemoData"] = "true";
        env["RateLimits__ApiPerMinute"] = "1000000";
        env["RateLimits__AuthPerMinute"] = "1000";
        // The chat scenarios send far faster per user than a person types.
        env["Chat__BurstMessages"] = "100000";
        env["Chat__MessagesPerSecond"] = "100000";
        if (smtpPort is { } port)
        {
            env["Smtp__Host"] = "127.0.0.1";
            env["Smtp__Port"] = port.ToString();
        }

        var log = new StreamWriter(Path.Combine(folder, "lapak.log")) { AutoFlush = true };
        var process = Launch(start, log);
        var lapak = new LapakProcess(process, folder, log, url)
        {
            Provider = postgres is null ? "Sqlite" : "Postgres",
            ConnectionString = postgres ?? $"Data Source={Path.Combine(folder, "lapak.db")}",
        };
        try
        {
            await lapak.WaitUntilReadyAsync(ct);
            return lapak;
        }
        catch
        {
            await lapak.DisposeAsync(keepLog: true);
            throw;
        }
    }

    private static Process Launch(ProcessStartInfo start, StreamWriter log)
    {
        var process = new Process { StartInfo = start };
        // Drained continuously: a full pipe would block the server mid-benchmark.
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        if (!process.Start()) throw new BenchException("could not start dotnet.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// Stops Lapak and starts it again on the same database, so a scenario that wrote a lot straight into the
    /// database measures a server in its steady state rather than one that watched the data arrive.
    /// </summary>
    public async Task RestartAsync(CancellationToken ct)
    {
        var start = _process.StartInfo;
        await StopAsync();
        _process.Dispose();
        _process = Launch(start, _log);
        await WaitUntilReadyAsync(ct);
    }

    private async Task StopAsync()
    {
        if (_process.HasExited) return;
        // SIGTERM lets the host stop gracefully (hosted services, SQLite checkpoint); SIGKILL only if it hangs.
        _ = Kill(_process.Id, 15);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await _process.WaitForExitAsync(wait.Token); }
        catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); await _process.WaitForExitAsync(); }
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
                throw new BenchException($"Lapak exited with code {_process.ExitCode} while starting:\n{Tail()}");
            try
            {
                using var response = await http.GetAsync($"{Url}/health/ready", ct);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(200, ct);
        }
        throw new BenchException($"Lapak did not report ready within 90 s:\n{Tail()}");
    }

    private string Tail()
    {
        lock (_log) _log.Flush();
        var lines = File.ReadAllLines(LogPath);
        return string.Join('\n', lines.TakeLast(20));
    }

    public ValueTask DisposeAsync() => DisposeAsync(keepLog: false);

    private async ValueTask DisposeAsync(bool keepLog)
    {
        await StopAsync();
        _process.Dispose();
        lock (_log) _log.Dispose();
        if (keepLog) Console.Error.WriteLine($"Lapak's log is kept in {LogPath}");
        else
        {
            try { Directory.Delete(_folder, recursive: true); }
            catch (IOException) { }
        }
    }

    /// <summary>Lapak.Web.dll of the same configuration, built through the project reference.</summary>
    private static string WebDll()
    {
        var built = typeof(LapakProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "LapakWebDll")?.Value;
        if (built is not null && File.Exists(built)) return built;
        var beside = Path.Combine(AppContext.BaseDirectory, "Lapak.Web.dll");
        if (File.Exists(beside)) return beside;
        throw new BenchException($"Lapak.Web.dll not found (looked for {built}); build src/Lapak.Web first or pass --url.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
