namespace Lapak.Bench;

public sealed record BenchOptions(string? Url, string Scenario, TimeSpan Duration, int Clients, int Count, string Email, string Password,
    string? Postgres = null, int Tickets = 1_000_000, int Users = 2000, int ChatRate = 5000)
{
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    public const string Usage =
        "usage: Lapak.Bench [--url http://host:port] [--scenario me|notify|tickets|bighelpdesk|permit|reports|chat|all] [--duration 10] [--clients 8] [--count 200] [--tickets 1000000]\n" +
        "                   [--users 2000] [--rate 5000]\n" +
        "                   [--email customer@lapak.test] [--password Lapak#2026] [--postgres \"Host=…;Database=<empty db>;…\"]\n" +
        "Without --url the benchmark starts Lapak itself on a free 127.0.0.1 port with a fresh SQLite database,\n" +
        "or on the given empty PostgreSQL database with --postgres. bighelpdesk seeds --tickets tickets straight into that\n" +
        "database (so it needs the benchmark to start Lapak) and is not part of all; reports does the same and measures the\n" +
        "reports page for a year; neither is permit (--count renders, then downloads with --clients clients), which writes\n" +
        "its permit into the database too. chat seeds --users users with API tokens, connects them all to the hub in pairs and\n" +
        "measures send → receive one at a time, under light load, and at --rate messages/s offered (persisted throughput).";

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions(null, "all", TimeSpan.FromSeconds(10), 8, 200, "customer@lapak.test", "Lapak#2026");
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Positive(string name) => int.TryParse(Value(), out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive number.");
            o = args[i] switch
            {
                "--url" => o with { Url = Uri.TryCreate(Value(), UriKind.Absolute, out var u) ? u.ToString().TrimEnd('/') : throw new ArgumentException("--url must be an absolute URL.") },
                "--scenario" => o with { Scenario = Value() is var s && s is "me" or "notify" or "tickets" or "bighelpdesk" or "permit" or "reports" or "chat" or "all" ? s : throw new ArgumentException("--scenario is me, notify, tickets, bighelpdesk, permit, reports, chat or all.") },
                "--postgres" => o with { Postgres = Value() },
                "--duration" => o with { Duration = TimeSpan.FromSeconds(Positive("--duration")) },
                "--clients" => o with { Clients = Positive("--clients") },
                "--count" => o with { Count = Positive("--count") },
                "--tickets" => o with { Tickets = Positive("--tickets") },
                "--users" => o with { Users = Positive("--users") },
                "--rate" => o with { ChatRate = Positive("--rate") },
                "--email" => o with { Email = Value() },
                "--password" => o with { Password = Value() },
                "-h" or "--help" => throw new ArgumentException("Lapak benchmark."),
                var other => throw new ArgumentException($"Unknown argument {other}."),
            };
        }
        return o;
    }
}

/// <summary>A failure the benchmark explains in one line (no stack trace).</summary>
public sealed class BenchException(string message) : Exception(message);
