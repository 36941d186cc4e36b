using System.Net.Http.Json;
using System.Text.Json;

namespace Lapak.Tests.Features.Chat;

/// <summary>Shared steps of chat tests: start a direct conversation, send and read messages through the API.</summary>
public static class ChatKit
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Starts (or reuses) the conversation between <paramref name="from"/> and <paramref name="to"/>; returns its id.</summary>
    public static async Task<Guid> StartAsync(HttpClient from, TestUser to, string? subjectKind = null, string? subjectId = null)
    {
        var response = await from.PostAsJsonAsync("/api/v1/conversations", new { userId = to.Id, subjectKind, subjectId });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, Guid conversation, string body, string? key = null, Guid[]? attachmentIds = null) =>
        client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages",
            new { clientKey = key ?? Guid.NewGuid().ToString("N"), body, attachmentIds });

    public static async Task<JsonElement> SentAsync(HttpClient client, Guid conversation, string body, string? key = null)
    {
        var response = await SendAsync(client, conversation, body, key);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<List<JsonElement>> MessagesAsync(HttpClient client, Guid conversation, long? after = null, int limit = 200)
    {
        var url = $"/api/v1/conversations/{conversation}/messages?limit={limit}" + (after is { } a ? $"&after={a}" : "");
        return (await client.GetFromJsonAsync<List<JsonElement>>(url))!;
    }
}
