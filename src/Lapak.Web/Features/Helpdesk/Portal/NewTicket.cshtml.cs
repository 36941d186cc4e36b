using System.Text.Json;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Helpdesk.Portal;

/// <summary>
/// Opening a ticket: choose a request type, fill its form, send. Guests may fill it in too; on Send they sign in
/// and come back to the same form, prefilled, so nothing they typed is lost.
/// </summary>
[AllowAnonymous]
public sealed class NewTicketModel(LapakDbContext db, OpenTicket.Handler handler, IStringLocalizer l) : PageModel
{
    private const string DraftKey = "HelpdeskDraft";
    public const string ResumeUrl = "/helpdesk/new?resume=1";

    /// <summary>What was posted, unprefixed so the handler's error keys ("Subject", "Fields[key]") name the inputs directly.</summary>
    public OpenTicket.Command Input { get; private set; } = new();
    public IReadOnlyList<RequestType> Types { get; private set; } = [];
    public bool Resumed { get; private set; }
    public bool SignedIn => User.Identity?.IsAuthenticated == true;
    public bool Staff => SignedIn && TicketAccess.IsStaff(User);

    public async Task OnGetAsync([FromQuery(Name = "type")] Guid? type, [FromQuery(Name = "resume")] int resume)
    {
        // Only a signed-in visitor takes the draft out; a guest who lands here keeps it for after signing in.
        if (resume == 1 && SignedIn && TempData[DraftKey] is string json && Deserialize(json) is { } draft)
        {
            Input = draft;
            Resumed = true;
        }
        else if (type is not null) Input.RequestTypeId = type;
        await LoadTypesAsync();
    }

    /// <summary>Without JavaScript, choosing a type posts the form back to show that type's fields, keeping what was typed.</summary>
    public async Task<IActionResult> OnPostChooseAsync(OpenTicket.Command input)
    {
        Input = input;
        ModelState.Clear();
        await LoadTypesAsync();
        FieldForm.Compose(Selected, Request.Form, input.Fields);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(OpenTicket.Command input, List<IFormFile>? attachments, [FromServices] OpenTicketWithFiles.Handler withFiles)
    {
        Input = input;
        var uploads = AttachmentUpload.From(attachments);
        await LoadTypesAsync();
        FieldForm.Compose(Selected, Request.Form, input.Fields);
        if (!SignedIn)
        {
            // Files cannot travel in the draft; the form says so to guests next to the file input.
            TempData[DraftKey] = JsonSerializer.Serialize(input);
            return Redirect("/account/login?returnUrl=" + Uri.EscapeDataString(ResumeUrl));
        }
        if (!Staff && !string.IsNullOrWhiteSpace(input.CustomerEmail))
        {
            // The field is not on a customer's form; say why instead of pointing at an input that is not there.
            ModelState.AddModelError("", l["Only staff can open a ticket for someone else."]);
            await LoadTypesAsync();
            return Page();
        }
        if (ModelState.IsValid)
        {
            var opened = await withFiles.HandleAsync(User, input, uploads, HttpContext.RequestAborted);
            if (opened.Succeeded)
            {
                var code = opened.Ticket!.Code;
                TempData["Flash"] = l["Your ticket {0} is open. We will reply on the ticket page and by e-mail.", TicketCode.Display(code)].Value;
                return Redirect($"/helpdesk/tickets/{code}");
            }
            foreach (var (key, messages) in opened.Errors)
                foreach (var message in messages) ModelState.AddModelError(key, message);
        }
        else
        {
            foreach (var (key, messages) in await handler.CheckFieldsAsync(input))
                foreach (var message in messages) ModelState.AddModelError(key, message);
            foreach (var message in withFiles.Check(uploads)) ModelState.AddModelError(TicketFiles.Field, message);
        }
        await LoadTypesAsync();
        return Page();
    }

    public RequestType? Selected => Types.FirstOrDefault(t => t.Id == Input.RequestTypeId);

    public string? FieldValue(RequestType type, RequestField field) =>
        type.Id == Input.RequestTypeId ? Input.Fields.GetValueOrDefault(field.Key) : null;

    public bool HasError(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    /// <summary>What a <c>Branch</c> field offers; read only when some type has one.</summary>
    public IReadOnlyList<BranchChoice> Branches { get; private set; } = [];

    private async Task LoadTypesAsync()
    {
        Types = await db.Set<RequestType>().AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder).ThenBy(t => t.NameId).ToListAsync();
        Branches = Types.Any(BranchChoices.Uses) ? await BranchChoices.AllAsync(db) : [];
    }

    private static OpenTicket.Command? Deserialize(string json)
    {
        try { return JsonSerializer.Deserialize<OpenTicket.Command>(json); }
        catch (JsonException) { return null; }
    }

    public static string FieldId(RequestType type, RequestField field) => $"f-{type.Id:N}-{field.Key}";

    public string Language => LapakCultures.Current;
}
