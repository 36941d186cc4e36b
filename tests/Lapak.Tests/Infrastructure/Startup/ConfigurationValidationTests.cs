using Lapak.Web.Infrastructure.Startup;
using Microsoft.Extensions.Configuration;

namespace Lapak.Tests.Infrastructure.Startup;

public sealed class ConfigurationValidationTests
{
    private static IReadOnlyList<string> ProblemsOf(Dictionary<string, string?> values) =>
        ConfigurationValidation.Problems(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Fact]
    public void The_shipped_defaults_are_valid() =>
        Assert.Empty(ProblemsOf(new() { ["Database:Provider"] = "Sqlite" }));

    [Fact]
    public void An_unknown_database_provider_is_named_in_one_line() =>
        Assert.Contains(ProblemsOf(new() { ["Database:Provider"] = "Oracle" }), p => p.StartsWith("Database:Provider") && p.Contains("Oracle"));

    [Fact]
    public void Postgres_without_a_connection_string_is_refused() =>
        Assert.Contains(ProblemsOf(new() { ["Database:Provider"] = "Postgres" }), p => p.StartsWith("ConnectionStrings:Postgres"));

    [Fact]
    public void A_port_out_of_range_or_a_bad_sender_address_is_reported() =>
        Assert.Equal(2, ProblemsOf(new() { ["Smtp:Port"] = "70000", ["Smtp:FromAddress"] = "not-mail" }).Count(p => p.StartsWith("Smtp")));

    [Fact]
    public void WhatsApp_switched_on_without_credentials_is_refused() =>
        Assert.Contains(ProblemsOf(new() { ["WhatsApp:Enabled"] = "true" }), p => p.StartsWith("WhatsApp"));

    [Fact]
    public void A_value_of_the_wrong_type_is_reported_not_thrown() =>
        Assert.Contains(ProblemsOf(new() { ["Notifications:Outbox:MaxAttempts"] = "many" }), p => p.StartsWith("Notifications:Outbox"));
}

public sealed class StartupWithBadConfigurationTests
{
    [Fact]
    public async Task Lapak_refuses_to_start_with_one_clear_line_per_problem_and_no_stack_trace()
    {
        // The app's own build output sits at the same relative place as this test assembly's.
        var testBin = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var root = new DirectoryInfo(testBin);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Lapak.slnx"))) root = root.Parent;
        var tail = Path.GetRelativePath(Path.Combine(root!.FullName, "tests", "Lapak.Tests"), testBin);
        var dll = Path.Combine(root.FullName, "src", "Lapak.Web", tail, "Lapak.Web.dll");

        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["Database__Provider"] = "Oracle";
        start.Environment["Smtp__Port"] = "0";
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("Configuration error: ", l));
        Assert.DoesNotContain(" at ", stderr);
    }
}
