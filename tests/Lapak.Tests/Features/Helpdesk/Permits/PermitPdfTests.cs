using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Helpdesk.Tickets;
using static Lapak.Tests.Features.Helpdesk.Permits.PermitKit;

namespace Lapak.Tests.Features.Helpdesk.Permits;

/// <summary>The permit PDF: what it says, in whose language, where its QR code leads, and who may download it.</summary>
[Collection(Apps.Name)]
public sealed class PermitPdfTests(Apps apps)
{
    private static readonly DateTime Start = new(2030, 3, 4, 2, 0, 0, DateTimeKind.Utc); // Mon 4 Mar 2030 09:00 WIB
    private static readonly DateTime End = Start.AddHours(3);

    [Theory, ClassData(typeof(Databases))]
    public async Task An_Indonesian_client_downloads_the_permit_in_Indonesian_with_masked_IDs_and_a_QR_code_of_the_verification_page(Db db)
    {
        var app = await apps.Get(db);
        var branch = await BranchAsync(app);
        var customer = await app.CreateUserAsync();
        var (code, permit) = await IssueAsync(app, customer, branch, Start, End);

        var pages = await app.SignInAsync(customer);
        var pdf = await PdfAsync(await pages.Http.GetAsync($"/helpdesk/tickets/{code}/permit.pdf"));

        var text = await PdfReader.TextAsync(pdf);
        Assert.Contains("Surat Izin Kerja", text);
        Assert.Contains(TicketCode.Display(code), text);
        Assert.Contains(customer.FullName, text);
        Assert.Contains(Company, text);
        Assert.Contains("Budi Santoso", text);
        Assert.Contains(MaskedId, text);
        Assert.DoesNotContain(FullId, text);
        Assert.Contains(branch.Name, text);
        Assert.Contains(branch.Address, text);
        Assert.Contains("Sen, 4 Mar 2030 09.00 – 12.00 WIB", text);
        Assert.Contains("Siti Supervisor", text);
        Assert.Contains("Disetujui oleh", text);
        var url = $"{app.BaseAddress.ToString().TrimEnd('/')}/verify/{permit.Code}";
        Assert.Equal([url], await PdfReader.QrCodesAsync(pdf));
        Assert.Contains(url, text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_English_client_gets_it_in_English_through_the_API_and_a_revoked_permit_says_so(Db db)
    {
        var app = await apps.Get(db);
        var branch = await BranchAsync(app, "Asia/Jayapura");
        var customer = await app.CreateUserAsync();
        await SetLanguageAsync(app, customer, "en");
        var (code, _) = await IssueAsync(app, customer, branch, Start, End, revoked: true);

        using var api = await app.ApiAsync(customer);
        var text = await PdfReader.TextAsync(await PdfAsync(await api.GetAsync($"/api/v1/tickets/{code}/permit")));

        Assert.Contains("Work Permit", text);
        Assert.DoesNotContain("Surat Izin Kerja", text);
        Assert.Contains("Approved by", text);
        Assert.Contains("Mon, 4 Mar 2030 11:00 – 14:00 WIT", text);
        Assert.Contains("REVOKED", text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Another_customer_gets_404_staff_who_see_the_ticket_may_download_and_a_ticket_without_permit_is_404(Db db)
    {
        var app = await apps.Get(db);
        var branch = await BranchAsync(app);
        var customer = await app.CreateUserAsync();
        var (code, _) = await IssueAsync(app, customer, branch, Start, End);
        var plain = await WorkspaceKit.OpenTicketAsync(app, customer);

        using var stranger = await app.ApiAsync(await app.CreateUserAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/tickets/{code}/permit")).StatusCode);
        var strangerPages = await app.SignInAsync(await app.CreateUserAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await strangerPages.Http.GetAsync($"/helpdesk/tickets/{code}/permit.pdf")).StatusCode);

        using var agent = await app.ApiAsync(await WorkspaceKit.AgentInTeamAsync(app));
        await PdfAsync(await agent.GetAsync($"/api/v1/tickets/{code}/permit"));
        using var mine = await app.ApiAsync(customer);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.GetAsync($"/api/v1/tickets/{plain}/permit")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_ticket_page_shows_the_permit_card_with_its_state_and_download_and_no_revoke_form_for_the_client(Db db)
    {
        var app = await apps.Get(db);
        var branch = await BranchAsync(app);
        var customer = await app.CreateUserAsync();
        var (code, _) = await IssueAsync(app, customer, branch, DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddHours(2));

        var page = await (await app.SignInAsync(customer)).GetAsync(WorkspaceKit.Page(code));

        Assert.Contains("id=\"ticket-permit\"", page.Html);
        Assert.Contains($"/helpdesk/tickets/{code}/permit.pdf", page.Html);
        Assert.Contains(WorkspaceKit.Id(app, "Valid"), page.Text);
        Assert.DoesNotContain("/permit/revoke", page.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_permit_download_and_revocation_are_in_the_OpenAPI_document(Db db)
    {
        var app = await apps.Get(db);
        using var http = app.Anonymous();

        var paths = (await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        Assert.True(paths.GetProperty("/api/v1/tickets/{code}/permit").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/v1/tickets/{code}/permit/revocation").TryGetProperty("post", out _));
    }
}
