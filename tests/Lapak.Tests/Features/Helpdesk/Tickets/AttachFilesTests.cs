using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Helpdesk.Tickets.FilesKit;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Tickets;

/// <summary>Files on tickets, through the pages and the API: stored privately, checked by their bytes, handed out only to who may see them.</summary>
[Collection(Apps.Name)]
public sealed class AttachFilesTests(Apps apps)
{
    private static Task<Guid> GeneralQuestionAsync(LapakApp app) =>
        app.WithDbAsync(d => d.Set<RequestType>().Where(t => t.NameEn == "General question").Select(t => t.Id).SingleAsync());

    [Theory, ClassData(typeof(Databases))]
    public async Task A_customer_opens_a_ticket_on_the_page_with_a_pdf_and_downloads_it_again_as_an_attachment(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var pages = await app.SignInAsync(customer);
        var type = await GeneralQuestionAsync(app);
        var pdf = Pdf("TAGIHAN-8841");

        var sent = await pages.PostMultipartAsync("/helpdesk/new", Form(new()
        {
            ["RequestTypeId"] = type.ToString(), ["Subject"] = "Tagihan dobel bulan ini", ["Description"] = "Bukti bayar terlampir.",
        }, "Attachments", ("bukti bayar.pdf", pdf, "application/pdf")));

        Assert.True(sent.Status == HttpStatusCode.Redirect, sent.ToString());
        var code = sent.Location!["/helpdesk/tickets/".Length..];
        var attachment = Assert.Single(await AttachmentsAsync(app, code));
        Assert.Null(attachment.MessageId);
        Assert.Equal("bukti bayar.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType);
        Assert.Equal(pdf.Length, attachment.Size);
        Assert.StartsWith("private/", attachment.StoragePath);

        var page = await pages.GetAsync(Page(code));
        Assert.Contains($"href=\"/helpdesk/attachments/{attachment.Id}\"", page.Html);
        Assert.Contains("bukti bayar.pdf", page.Text);

        var download = await pages.Http.GetAsync($"/helpdesk/attachments/{attachment.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("bukti bayar.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        // The store's public door never opens on ticket files, whatever the spelling.
        using var anonymous = app.Anonymous();
        foreach (var path in new[] { attachment.StoragePath, attachment.StoragePath.ToUpperInvariant(), "/" + attachment.StoragePath })
            Assert.Equal(HttpStatusCode.NotFound, (await pages.Http.GetAsync("/media/" + path)).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_agent_replies_on_the_page_with_an_image_and_a_word_file_shown_under_the_reply(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var staff = await app.SignInAsync(await AgentInTeamAsync(app));

        var sent = await staff.PostMultipartAsync(Page(code) + "?handler=Reply", Form(new() { ["Reply.Body"] = "Foto modem dan panduan terlampir.", ["Reply.Internal"] = "false" },
            "Attachments", ("modem.png", Png(), "image/png"), ("panduan.docx", Docx(), "application/octet-stream")), formUrl: Page(code));

        Assert.True(sent.Status == HttpStatusCode.Redirect, sent.ToString());
        var message = Assert.Single(await MessagesAsync(app, code));
        var files = await AttachmentsAsync(app, code);
        Assert.Equal(2, files.Count);
        Assert.All(files, f => Assert.Equal(message.Id, f.MessageId));
        Assert.Equal("image/png", files.Single(f => f.FileName == "modem.png").ContentType);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", files.Single(f => f.FileName == "panduan.docx").ContentType);

        var customerPage = await (await app.SignInAsync(customer)).GetAsync(Page(code));
        var image = files.Single(f => f.FileName == "modem.png");
        Assert.Contains($"<img src=\"/helpdesk/attachments/{image.Id}\"", customerPage.Html);
        Assert.Contains("panduan.docx", customerPage.Text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_api_opens_a_ticket_and_replies_with_files_and_the_json_endpoints_still_work(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        using var api = await app.ApiAsync(customer);
        var type = await GeneralQuestionAsync(app);

        var opened = await api.PostAsync("/api/v1/tickets/with-files", Form(new()
        {
            ["requestTypeId"] = type.ToString(), ["subject"] = "Modem mati total", ["description"] = "Foto terlampir.",
        }, "attachments", ("lampu.png", Png(), "image/png"), ("log.txt", "baris 1\nbaris 2\n"u8.ToArray(), "text/plain")));
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var ticket = await opened.Content.ReadFromJsonAsync<JsonElement>();
        var code = ticket.GetProperty("code").GetString()!;
        var files = ticket.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(["lampu.png", "log.txt"], files.Select(f => f.GetProperty("fileName").GetString()).Order());
        var url = files.First().GetProperty("url").GetString()!;
        Assert.StartsWith($"/api/v1/tickets/{code}/attachments/", url);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(url)).StatusCode);

        var reply = await api.PostAsync($"/api/v1/tickets/{code}/replies/with-files",
            Form(new() { ["body"] = "Ini fotonya dari sisi lain." }, "attachments", ("sisi.png", Png(), "image/png")));
        Assert.True(reply.StatusCode == HttpStatusCode.Created, await reply.Content.ReadAsStringAsync());
        var message = await reply.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sisi.png", message.GetProperty("attachments").EnumerateArray().Single().GetProperty("fileName").GetString());

        var plain = await api.PostAsJsonAsync($"/api/v1/tickets/{code}/replies", new { body = "Balasan tanpa file." });
        Assert.Equal(HttpStatusCode.Created, plain.StatusCode);
        Assert.Equal(3, (await AttachmentsAsync(app, code)).Count);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_program_renamed_pdf_is_refused_by_name_on_the_page_and_in_the_api_and_nothing_is_written(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var pages = await app.SignInAsync(customer);
        var storedBefore = StoredFiles(app).Length;
        var rowsBefore = await AttachmentRowsAsync(app);

        var page = await pages.PostMultipartAsync(Page(code) + "?handler=Reply", Form(new() { ["Reply.Body"] = "Ini invoice-nya EXE-5531" },
            "Attachments", ("invoice.pdf", Exe(), "application/pdf")), formUrl: Page(code));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("invoice.pdf", page.FieldError("Attachments"));
        Assert.Contains(string.Format(Id(app, "“{0}” is not a file type we accept. Attach images (JPEG, PNG, WebP, GIF), PDF, text, CSV, Word, Excel or ZIP files."), "invoice.pdf"),
            page.FieldError("Attachments"));
        Assert.Contains("EXE-5531", page.Html); // what was typed is still there
        Assert.Empty(await MessagesAsync(app, code));

        using var api = await app.ApiAsync(customer);
        var response = await api.PostAsync($"/api/v1/tickets/{code}/replies/with-files",
            Form(new() { ["body"] = "Coba lewat API" }, "attachments", ("invoice.pdf", Exe(), "application/pdf")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("invoice.pdf", problem.GetProperty("errors").GetProperty("attachments")[0].GetString());

        Assert.Empty(await MessagesAsync(app, code));
        Assert.Equal(rowsBefore, await AttachmentRowsAsync(app));
        Assert.Equal(storedBefore, StoredFiles(app).Length);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_file_over_the_size_limit_and_more_files_than_allowed_are_refused_and_no_ticket_or_file_is_left(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        using var api = await app.ApiAsync(customer);
        var type = await GeneralQuestionAsync(app);
        var storedBefore = StoredFiles(app).Length;
        var fields = new Dictionary<string, string> { ["requestTypeId"] = type.ToString(), ["subject"] = "File terlalu besar", ["description"] = "Lihat lampiran." };

        var big = Pdf().Concat(new byte[10 * 1024 * 1024]).ToArray();
        var tooLarge = await api.PostAsync("/api/v1/tickets/with-files", Form(fields, "attachments", ("scan besar.pdf", big, "application/pdf")));
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        var error = (await tooLarge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("attachments")[0].GetString()!;
        Assert.Contains("scan besar.pdf", error);
        Assert.Contains("10 MB", error);

        var six = Enumerable.Range(1, 6).Select(i => ($"catatan-{i}.txt", "isi"u8.ToArray(), "text/plain")).ToArray();
        var tooMany = await api.PostAsync("/api/v1/tickets/with-files", Form(fields, "attachments", six));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("5", (await tooMany.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("attachments")[0].GetString());

        var pages = await app.SignInAsync(customer);
        var page = await pages.PostMultipartAsync("/helpdesk/new", Form(new()
        {
            ["RequestTypeId"] = type.ToString(), ["Subject"] = "File terlalu banyak", ["Description"] = "Lihat lampiran.",
        }, "Attachments", six));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(string.Format(Id(app, "Attach at most {0} files to one message."), 5), page.FieldError("Attachments"));

        Assert.Empty(await PortalTickets(app, customer));
        Assert.Equal(storedBefore, StoredFiles(app).Length);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_notes_file_is_not_found_for_the_customer_and_a_tickets_file_is_not_found_for_another_customer(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);
        using var staffApi = await app.ApiAsync(agent);
        var note = await staffApi.PostAsync($"/api/v1/tickets/{code}/notes/with-files",
            Form(new() { ["body"] = "Riwayat pembayaran pelanggan" }, "attachments", ("rahasia-internal.pdf", Pdf(), "application/pdf")));
        Assert.True(note.StatusCode == HttpStatusCode.Created, await note.Content.ReadAsStringAsync());
        var noteFile = (await note.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attachments")[0].GetProperty("id").GetGuid();
        var reply = await staffApi.PostAsync($"/api/v1/tickets/{code}/replies/with-files",
            Form(new() { ["body"] = "Panduan terlampir" }, "attachments", ("panduan.pdf", Pdf(), "application/pdf")));
        var publicFile = (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attachments")[0].GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await staffApi.GetAsync($"/api/v1/tickets/{code}/attachments/{noteFile}")).StatusCode);

        using var customerApi = await app.ApiAsync(customer);
        var pages = await app.SignInAsync(customer);
        Assert.Equal(HttpStatusCode.NotFound, (await customerApi.GetAsync($"/api/v1/tickets/{code}/attachments/{noteFile}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.Http.GetAsync($"/helpdesk/attachments/{noteFile}")).StatusCode);
        Assert.DoesNotContain("rahasia-internal.pdf", await customerApi.GetStringAsync($"/api/v1/tickets/{code}"));
        Assert.DoesNotContain("rahasia-internal.pdf", (await pages.GetAsync(Page(code))).Html);
        Assert.Equal(HttpStatusCode.OK, (await pages.Http.GetAsync($"/helpdesk/attachments/{publicFile}")).StatusCode);

        var stranger = await app.CreateUserAsync();
        using var strangerApi = await app.ApiAsync(stranger);
        var strangerPages = await app.SignInAsync(stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerApi.GetAsync($"/api/v1/tickets/{code}/attachments/{publicFile}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerPages.Http.GetAsync($"/helpdesk/attachments/{publicFile}")).StatusCode);
        // A file is only reached through its own ticket's address.
        var otherCode = await OpenTicketAsync(app, stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerApi.GetAsync($"/api/v1/tickets/{otherCode}/attachments/{publicFile}")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_guest_is_told_that_files_are_not_kept_through_sign_in(Db db)
    {
        var app = await apps.Get(db);
        var page = await app.Pages().GetAsync("/helpdesk/new");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(Id(app, "Files cannot be kept while you sign in: after signing in, choose them again before you send."), page.Text);
        Assert.Contains("enctype=\"multipart/form-data\"", page.Html);
    }

    private static Task<List<Ticket>> PortalTickets(LapakApp app, TestUser customer) =>
        app.WithDbAsync(d => d.Set<Ticket>().Where(t => t.CustomerId == customer.Id).ToListAsync());
}
