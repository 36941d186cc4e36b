using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Helpdesk.Permits.PermitKit;

namespace Lapak.Tests.Features.Helpdesk.Permits;

/// <summary>The Branch field kind in the request-type editor and the API: saved, offered with the branch codes, stored as a code.</summary>
[Collection(Apps.Name)]
public sealed class BranchFieldTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task An_admin_adds_a_Branch_field_the_API_lists_the_branch_codes_and_a_ticket_stores_the_code_and_its_branch(Db db)
    {
        var app = await apps.Get(db);
        var branch = await BranchAsync(app);
        var admin = await app.CreateUserAsync(Roles.Admin, Roles.Agent);
        using var api = await app.ApiAsync(admin);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var created = await api.PostAsJsonAsync("/api/v1/helpdesk/admin/request-types", new
        {
            nameId = "Kunjungan cabang " + tag, nameEn = "Branch visit " + tag, defaultPriority = "Normal", isActive = true, sortOrder = 9,
            fields = new object[] { new { key = "site", labelId = "Lokasi", labelEn = "Site", kind = "Branch", required = true } },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var typeId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        var editor = await (await app.SignInAsync(admin)).GetAsync($"/helpdesk/admin/request-types/{typeId}");
        Assert.Contains("<option value=\"Branch\" selected=\"selected\">Cabang</option>", editor.Html);

        var types = await api.GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/request-types");
        var field = types.EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == typeId).GetProperty("fields")[0];
        Assert.Equal("branch", field.GetProperty("kind").GetString(), ignoreCase: true);
        Assert.Contains(branch.Code, field.GetProperty("options").EnumerateArray().Select(o => o.GetString()));

        var customer = await app.CreateUserAsync();
        var (response, body) = await OpenAsync(app, customer, new
        {
            requestTypeId = typeId, subject = "Kunjungan ke cabang", description = "Survei lokasi.",
            fields = new { site = branch.Code.ToLowerInvariant() },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var code = JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()!;
        var ticket = await WorkspaceKit.TicketAsync(app, code);
        Assert.Equal(branch.Id, ticket.BranchId);
        Assert.Equal(branch.Code, JsonSerializer.Deserialize<Dictionary<string, string>>(ticket.FieldsJson)!["site"]);
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<RequestType>().CountAsync(t => t.Id == typeId && t.FieldsJson.Contains("Branch"))));
    }
}
