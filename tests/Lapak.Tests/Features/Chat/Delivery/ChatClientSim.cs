using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lapak.Web.Features.Chat.Conversations;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lapak.Tests.Features.Chat.Delivery;

/// <summary>
/// A chat client that behaves like the browser's: one hub connection, <c>JoinConversation</c> after every (re)connect,
/// then a catch-up over <c>?after=</c> from the highest sequence number it holds without a gap; messages kept in a
/// dictionary by id, so a push, a catch-up and a send's answer of the same message merge into one; every send keeps
/// its client key and is sent again with the SAME key after a failure or a dropped connection until the stored
/// message comes back. <see cref="DropAsync"/> breaks the connection on purpose; a connection the server closes is
/// replaced the same way. <see cref="Target"/> is the instance the next connection goes to (the load balancer).
/// </summary>
public sealed class ChatClientSim : IAsyncDisposable
{
    private readonly TestUser _user;
    private readonly Guid _conversation;
    private readonly ConcurrentDictionary<Guid, ChatMessageView> _messages = new();
    private readonly ConcurrentDictionary<string, Guid> _idOfKey = new();
    private readonly Dictionary<Uri, (string Token, HttpClient Http)> _sessions = [];
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly Lock _gate = new();
    private readonly SortedSet<long> _seqs = [];
    private long _contiguous; // every seq up to here is held: the next catch-up asks for what is after it
    private HubConnection? _hub;
    private TaskCompletionSource<HubConnection> _ready = NewReady();
    private bool _disposed;

    public ChatClientSim(LapakApp target, TestUser user, Guid conversation)
    {
        Target = target;
        _user = user;
        _conversation = conversation;
    }

    public LapakApp Target { get; set; }
    public TestUser User => _user;
    /// <summary>Messages this client first learnt of through a <c>chat:message</c> push (not a catch-up or its own send).</summary>
    public int ReceivedLive => _receivedLive;
    public int Connects => _connects;
    public int Retries => _retries;
    public int Duplicates => _duplicates;
    /// <summary>Typing events received (userId).</summary>
    public ConcurrentQueue<Guid> Typing { get; } = new();
    /// <summary>Send failures before a retry succeeded and connect failures (diagnostics, not errors).</summary>
    public ConcurrentQueue<string> Failures { get; } = new();
    /// <summary>Broken guarantees seen on the way (two messages with one seq, one key answering two ids); must stay empty.</summary>
    public ConcurrentQueue<string> Violations { get; } = new();

    private int _receivedLive, _connects, _retries, _duplicates;

    /// <summary>What the page shows: every message once, in sequence order.</summary>
    public IReadOnlyList<ChatMessageView> Messages => _messages.Values.OrderBy(m => m.Seq).ToList();

    public async Task ConnectAsync()
    {
        await _connecting.WaitAsync();
        try
        {
            Task<HubConnection> ready;
            lock (_gate) ready = _ready.Task;
            if (_disposed || ready is { IsCompletedSuccessfully: true, Result.State: HubConnectionState.Connected }) return;
            lock (_gate)
                if (ready.IsCompleted) _ready = NewReady();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var hub = await OpenAsync();
                    lock (_gate) _ready.TrySetResult(hub);
                    return;
                }
                catch (Exception e) when (attempt < 100 && !_disposed)
                {
                    Failures.Enqueue("connect: " + e.Message);
                    await Task.Delay(100);
                }
            }
        }
        finally { _connecting.Release(); }
    }

    private async Task<HubConnection> OpenAsync()
    {
        var app = Target;
        var (token, _) = await SessionAsync(app);
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, "hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        hub.On<ChatMessageView>("chat:message", m =>
        {
            if (m.ConversationId == _conversation && Merge(m)) Interlocked.Increment(ref _receivedLive);
        });
        hub.On<TypingEvent>("chat:typing", t =>
        {
            if (t.ConversationId == _conversation) Typing.Enqueue(t.UserId);
        });
        hub.Closed += error =>
        {
            // The server closed it (an instance stopping): come back like the browser's automatic reconnect.
            if (ReferenceEquals(_hub, hub) && !_disposed) _ = ReconnectSoonAsync(hub);
            return Task.CompletedTask;
        };
        _hub = hub;
        try
        {
            await hub.StartAsync();
            if (!await hub.InvokeAsync<bool>("JoinConversation", _conversation))
                throw new InvalidOperationException($"{_user.Email} may not join {_conversation}");
            await CatchUpAsync(app);
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
        Interlocked.Increment(ref _connects);
        return hub;
    }

    private async Task ReconnectSoonAsync(HubConnection closed)
    {
        lock (_gate)
            if (_ready.Task.IsCompletedSuccessfully && ReferenceEquals(_ready.Task.Result, closed)) _ready = NewReady();
        await Task.Delay(Random.Shared.Next(10, 60));
        await ConnectAsync();
    }

    /// <summary>Asks for everything after the last gap-free seq, page by page (as the page does after each reconnect).</summary>
    public async Task CatchUpAsync(LapakApp? app = null)
    {
        var (_, http) = await SessionAsync(app ?? Target);
        while (true)
        {
            long after;
            lock (_gate) after = _contiguous;
            var page = (await http.GetFromJsonAsync<List<ChatMessageView>>(
                $"/api/v1/conversations/{_conversation}/messages?after={after}&limit=200", ChatKit.Json))!;
            foreach (var m in page) Merge(m);
            if (page.Count < 200) return;
        }
    }

    /// <summary>Breaks the connection on purpose (a graceful stop or an abrupt dispose), then reconnects.</summary>
    public async Task DropAsync(bool abrupt)
    {
        HubConnection? old;
        lock (_gate)
        {
            old = _hub;
            if (_ready.Task.IsCompleted) _ready = NewReady();
        }
        if (old is not null)
        {
            if (abrupt) _ = old.DisposeAsync().AsTask(); // pending invocations fail while the socket goes down
            else await old.StopAsync();
        }
        await ConnectAsync();
    }

    /// <summary>Sends one message and keeps retrying with the same key until the stored message comes back.</summary>
    public async Task<ChatMessageView> SendAsync(string body, string? key = null, CancellationToken ct = default)
    {
        key ??= Guid.NewGuid().ToString("N");
        for (var attempt = 1; ; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                var hub = await ReadyAsync().WaitAsync(TimeSpan.FromSeconds(30), ct);
                var stored = await hub.InvokeAsync<ChatMessageView>("SendMessage", _conversation, key, body, null, ct);
                if (stored.ClientKey != key || stored.Text != body) Violations.Enqueue($"Sent {key} and got {stored.ClientKey} back");
                if (_idOfKey.GetOrAdd(key, stored.Id) != stored.Id) Violations.Enqueue($"Key {key} answered two different messages");
                Merge(stored);
                return stored;
            }
            catch (HubException e) when (e.Message.Contains("already used", StringComparison.Ordinal))
            {
                throw;
            }
            catch (Exception e) when (attempt < 200 && !ct.IsCancellationRequested)
            {
                Interlocked.Increment(ref _retries);
                if (Failures.Count < 50) Failures.Enqueue($"send {key}: {e.GetType().Name} {e.Message}");
                await Task.Delay(Random.Shared.Next(5, 40), ct);
            }
        }
    }

    public async Task TypingAsync() => await (await ReadyAsync()).InvokeAsync("ChatTyping", _conversation);

    private async Task<HubConnection> ReadyAsync()
    {
        while (true)
        {
            Task<HubConnection> ready;
            lock (_gate) ready = _ready.Task;
            if (ready is { IsCompletedSuccessfully: true, Result.State: HubConnectionState.Connected }) return ready.Result;
            if (ready.IsCompleted) await ConnectAsync(); // a dead connection: replace it
            else
            {
                _ = ConnectAsync();
                await ready;
            }
        }
    }

    /// <returns>True when the message was new to this client.</returns>
    private bool Merge(ChatMessageView m)
    {
        lock (_gate)
        {
            if (_messages.TryGetValue(m.Id, out _))
            {
                _duplicates++;
                return false;
            }
            if (!_seqs.Add(m.Seq)) Violations.Enqueue($"Two different messages with seq {m.Seq}");
            _messages[m.Id] = m;
            while (_seqs.Contains(_contiguous + 1)) _contiguous++;
            return true;
        }
    }

    private async Task<(string Token, HttpClient Http)> SessionAsync(LapakApp app)
    {
        lock (_sessions)
            if (_sessions.TryGetValue(app.BaseAddress, out var known)) return known;
        var token = await app.TokenAsync(_user);
        var http = app.Anonymous();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        lock (_sessions) _sessions[app.BaseAddress] = (token, http);
        return (token, http);
    }

    private static TaskCompletionSource<HubConnection> NewReady() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_hub is { } hub) await hub.DisposeAsync();
        foreach (var (_, http) in _sessions.Values) http.Dispose();
    }

    private sealed record TypingEvent(Guid ConversationId, Guid UserId, string? Name);
}
