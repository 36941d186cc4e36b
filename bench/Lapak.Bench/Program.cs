using Lapak.Bench;
using Lapak.Bench.Scenarios;

// dotnet run --project bench/Lapak.Bench -c Release -- [--url http://host:port] [--scenario me|notify|tickets|bighelpdesk|permit|reports|chat|all]
//     [--duration 10] [--clients 8] [--count 200] [--tickets 1000000] [--email customer@lapak.test] [--password Lapak#2026]
BenchOptions options;
try { options = BenchOptions.Parse(args); }
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

LapakProcess? lapak = null;
await using var smtp = new SmtpSink();
try
{
    var url = options.Url;
    if (url is null)
    {
        Console.WriteLine($"Starting Lapak (Production, {(options.Postgres is null ? "fresh SQLite database" : "the given PostgreSQL database")}, demo data)…");
        lapak = await LapakProcess.StartAsync(options.Postgres, stop.Token, smtp.Port);
        url = lapak.Url;
    }

    Console.WriteLine();
    Console.WriteLine("Lapak benchmark");
    Console.WriteLine($"  url        {url}{(lapak is null ? "" : $" (started by the benchmark: {(options.Postgres is null ? "SQLite" : "PostgreSQL")}, Production, rate limits raised)")}");
    Console.WriteLine($"  scenario   {options.Scenario}");
    Console.WriteLine($"  clients    {options.Clients}");
    Console.WriteLine($"  duration   {options.Duration.TotalSeconds:0} s after a {BenchOptions.WarmUp.TotalSeconds:0} s warm-up (me, tickets)");
    Console.WriteLine($"  count      {options.Count} notifications per phase (notify)");
    Console.WriteLine($"  machine    {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
    // Other work on the machine moves the figures; the load average says how busy it was.
    if (File.Exists("/proc/loadavg")) Console.WriteLine($"  load       {string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))} (1, 5, 15 min averages at start)");
    Console.WriteLine($"  account    {options.Email}");
    if (lapak is not null) Console.WriteLine("  note       the benchmark and Lapak share this machine's cores; Lapak's e-mail goes to an SMTP sink in the benchmark");

    using var api = new LapakApi(new Uri(url));
    await api.SignInAsync(options.Email, options.Password, stop.Token);

    if (options.Scenario is "me" or "all") await MeScenario.RunAsync(api, options, stop.Token);
    if (options.Scenario is "notify" or "all") await NotifyScenario.RunAsync(api, options, stop.Token);
    if (options.Scenario is "tickets" or "all") await TicketsScenario.RunAsync(api, options, stop.Token);
    if (options.Scenario is "bighelpdesk")
    {
        if (lapak is null) throw new BenchException("bighelpdesk seeds the database directly: let the benchmark start Lapak (no --url).");
        await BigHelpdeskScenario.RunAsync(lapak, options, stop.Token);
    }
    if (options.Scenario is "permit")
    {
        if (lapak is null) throw new BenchException("permit writes its permit into the database: let the benchmark start Lapak (no --url).");
        await PermitScenario.RunAsync(lapak, api, options, stop.Token);
    }
    if (options.Scenario is "chat")
    {
        if (lapak is null) throw new BenchException("chat seeds its users into the database: let the benchmark start Lapak (no --url).");
        await ChatScenario.RunAsync(lapak, options, stop.Token);
    }
    if (options.Scenario is "reports")
    {
        if (lapak is null) throw new BenchException("reports seeds the database directly: let the benchmark start Lapak (no --url).");
        await ReportsScenario.RunAsync(lapak, options, stop.Token);
    }
    if (lapak is not null) Console.WriteLine($"\n  smtp sink  {smtp.Messages} e-mails accepted during the run");
    return 0;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("Stopped.");
    return 130;
}
catch (BenchException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}
finally
{
    if (lapak is not null) await lapak.DisposeAsync();
}
