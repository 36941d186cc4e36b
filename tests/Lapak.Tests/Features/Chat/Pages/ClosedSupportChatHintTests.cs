using System.Net;
using static Lapak.Tests.Features.Chat.Support.SupportKit;

namespace Lapak.Tests.Features.Chat.Pages;

/// <summary>A closed support chat keeps its composer, so the page says what writing in it does — to each side in its own words.</summary>
[Collection(Apps.Name)]
public sealed class ClosedSupportChatHintTests(Apps apps)
{
    private const string CustomerHint = "Chat ini sudah ditutup. Tulis lagi dan chat kembali ke tim.";
    private const string AgentHint = "Chat ini sudah ditutup. Jika pelanggan menulis lagi, chat kembali ke antrean.";

    [Theory, ClassData(typeof(Databases))]
    public async Task The_closed_chat_tells_the_customer_and_the_agent_what_a_new_message_does(Db db)
    {
        var app = await apps.Get(db);
        var team = await TeamAsync(app);
        var agent = await AgentAsync(app, team);
        var customer = await app.CreateUserAsync();
        using var customerApi = await app.ApiAsync(customer);
        using var agentApi = await app.ApiAsync(agent);
        var id = await StartedAsync(customerApi, team.Id, "Pesanan saya belum sampai");
        using var customerPages = await app.SignInAsync(customer);
        using var agentPages = await app.SignInAsync(agent);

        var open = await customerPages.GetAsync($"/chat/{id}");
        Assert.Equal(HttpStatusCode.OK, open.Status);
        Assert.DoesNotContain(CustomerHint, open.Text);

        Assert.Equal(HttpStatusCode.OK, (await agentApi.PostAsync($"/api/v1/support-chats/{id}/pickup", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agentApi.PostAsync($"/api/v1/support-chats/{id}/close", null)).StatusCode);

        var customerPage = await customerPages.GetAsync($"/chat/{id}");
        Assert.Contains(CustomerHint, customerPage.Text);
        Assert.DoesNotContain(AgentHint, customerPage.Text);
        var agentPage = await agentPages.GetAsync($"/chat/{id}");
        Assert.Contains(AgentHint, agentPage.Text);
        Assert.DoesNotContain(CustomerHint, agentPage.Text);
    }
}
