using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lapak.Bench.Scenarios;

/// <summary>
/// The path of a notification: <c>POST /api/v1/me/notifications/test</c> writes it and its outbox row, the
/// dispatcher delivers it, and the live hub pushes the <c>notification</c> event to the user's connection.
/// Measured from sending the POST to the event arriving, first one at a time, then all at once.
/// </summary>
public static class NotifyScenario
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>The fields of the pushed payload the benchmark reads.</summary>
    public sealed record LiveNotification(Guid Id, string Title, int Unread);

    public static async Task RunAsync(LapakApi api, BenchOptions options, CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine($"notify: POST /api/v1/me/notifications/test → 'notification' on /hubs/live, {options.Count} one at a time, then {options.Count} at once");

        var received = Channel.CreateUnbounded<long>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(api.BaseUrl, "/hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(api.AccessToken))
            .Build();
        hub.On<LiveNotification>("notification", _ => received.Writer.TryWrite(Stopwatch.GetTimestamp()));
        await hub.StartAsync(ct);

        // Only the in-app path is measured: the account's e-mail channel is off for the run and restored after.
        var emailWas = await api.SetEmailNotificationsAsync(false, ct);
        try
        {
            await OneAtATimeAsync(api, received.Reader, 5, ct); // warm-up, not reported
            var single = await OneAtATimeAsync(api, received.Reader, options.Count, ct);
            Console.WriteLine($"  one at a time   received {single.Latencies.Count}/{options.Count}, lost {single.Lost}");
            Console.WriteLine($"                  {single.Latencies.Summary(withMax: true)}");

            var burst = await BurstAsync(api, received.Reader, options.Count, ct);
            Console.WriteLine($"  burst           received {burst.Latencies.Count}/{options.Count}, lost {burst.Lost}, " +
                              $"all delivered {burst.Total.TotalMilliseconds:0} ms after the first raise ({burst.Latencies.Count / burst.Total.TotalSeconds:0} notifications/s)");
            Console.WriteLine($"                  from raise sent:     {burst.Latencies.Summary(withMax: true)}");
            Console.WriteLine($"                  from raise answered: {burst.AfterAnswer!.Summary(withMax: true)}   (all {options.Count} raises answered within {burst.RaisesTook.TotalMilliseconds:0} ms)");
        }
        finally
        {
            if (emailWas) await api.SetEmailNotificationsAsync(true, CancellationToken.None);
        }
    }

    /// <param name="AfterAnswer">From the raise's response (its notification committed) to the event: the outbox and hub part.</param>
    private sealed record PhaseResult(Latencies Latencies, int Lost, TimeSpan Total, Latencies? AfterAnswer = null, TimeSpan RaisesTook = default);

    private static async Task<PhaseResult> OneAtATimeAsync(LapakApi api, ChannelReader<long> received, int count, CancellationToken ct)
    {
        var latencies = new Latencies();
        var lost = 0;
        for (var i = 0; i < count; i++)
        {
            while (received.TryRead(out _)) { } // a late arrival from a timed-out round must not count for this one
            var t0 = Stopwatch.GetTimestamp();
            await RaiseAsync(api, ct);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(Patience);
            try
            {
                var at = await received.ReadAsync(wait.Token);
                latencies.Add(Stopwatch.GetElapsedTime(t0, at).TotalMilliseconds);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { lost++; }
        }
        return new PhaseResult(latencies, lost, TimeSpan.Zero);
    }

    /// <summary>
    /// All raised at once. The events carry no request id, so the k-th event is paired with the k-th raise to
    /// complete: the outbox delivers in commit order, and a raise completes once its notification is committed.
    /// </summary>
    private static async Task<PhaseResult> BurstAsync(LapakApi api, ChannelReader<long> received, int count, CancellationToken ct)
    {
        while (received.TryRead(out _)) { }
        var first = Stopwatch.GetTimestamp();
        var raises = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            var t0 = Stopwatch.GetTimestamp();
            await RaiseAsync(api, ct);
            return (Sent: t0, Done: Stopwatch.GetTimestamp());
        }));

        var arrivals = new List<long>(count);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(Patience + TimeSpan.FromSeconds(count / 20.0));
        try
        {
            while (arrivals.Count < count) arrivals.Add(await received.ReadAsync(wait.Token));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }

        var latencies = new Latencies();
        var afterAnswer = new Latencies();
        var inCommitOrder = raises.OrderBy(r => r.Done).ToList();
        for (var k = 0; k < arrivals.Count; k++)
        {
            latencies.Add(Stopwatch.GetElapsedTime(inCommitOrder[k].Sent, arrivals[k]).TotalMilliseconds);
            afterAnswer.Add(Math.Max(0, Stopwatch.GetElapsedTime(inCommitOrder[k].Done, arrivals[k]).TotalMilliseconds));
        }
        var total = arrivals.Count == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(first, arrivals[^1]);
        return new PhaseResult(latencies, count - arrivals.Count, total, afterAnswer, Stopwatch.GetElapsedTime(first, inCommitOrder[^1].Done));
    }

    private static async Task RaiseAsync(LapakApi api, CancellationToken ct)
    {
        using var response = await api.Http.PostAsync("/api/v1/me/notifications/test", null, ct);
        if (!response.IsSuccessStatusCode)
            throw new BenchException($"POST /api/v1/me/notifications/test answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
    }
}
