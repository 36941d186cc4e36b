using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Accounts.Admin;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Admin;

/// <summary>
/// An admin creates or edits a request type with its form fields. Tickets keep their values as they were sent, so
/// an edit (a field renamed, removed or of another kind) never makes an existing ticket unreadable.
/// </summary>
public static partial class SaveRequestType
{
    public const int MaxFields = 30;

    public sealed class Command
    {
        [Required(ErrorMessage = "Enter the name in Indonesian.")]
        [StringLength(100, ErrorMessage = "The name may be at most {1} characters.")]
        public string NameId { get; set; } = "";

        [Required(ErrorMessage = "Enter the name in English.")]
        [StringLength(100, ErrorMessage = "The name may be at most {1} characters.")]
        public string NameEn { get; set; } = "";

        [StringLength(500, ErrorMessage = "The description may be at most {1} characters.")]
        public string? DescriptionId { get; set; }

        [StringLength(500, ErrorMessage = "The description may be at most {1} characters.")]
        public string? DescriptionEn { get; set; }

        public Guid? DefaultTeamId { get; set; }
        public TicketPriority DefaultPriority { get; set; } = TicketPriority.Normal;
        public bool NeedsApproval { get; set; }
        public bool IsActive { get; set; } = true;

        [Range(0, 9999, ErrorMessage = "Enter a number from {1} to {2}.")]
        public int SortOrder { get; set; }

        public List<FieldInput> Fields { get; set; } = [];

        public static Command From(RequestType t) => new()
        {
            NameId = t.NameId, NameEn = t.NameEn, DescriptionId = t.DescriptionId, DescriptionEn = t.DescriptionEn,
            DefaultTeamId = t.DefaultTeamId, DefaultPriority = t.DefaultPriority, NeedsApproval = t.NeedsApproval,
            IsActive = t.IsActive, SortOrder = t.SortOrder, Fields = t.Fields.Select(FieldInput.From).ToList(),
        };
    }

    /// <summary>One field as the editor sends it. Options may also come as one text with an option per line.</summary>
    public sealed class FieldInput
    {
        public string Key { get; set; } = "";
        public string LabelId { get; set; } = "";
        public string LabelEn { get; set; } = "";
        public FieldKind Kind { get; set; } = FieldKind.Text;
        public bool Required { get; set; }
        public List<string>? Options { get; set; }
        public int MaxLength { get; set; } = 500;
        public List<FieldInput>? Items { get; set; }

        public static FieldInput From(RequestField f) => new()
        {
            Key = f.Key, LabelId = f.LabelId, LabelEn = f.LabelEn, Kind = f.Kind, Required = f.Required,
            Options = f.Options?.ToList(), MaxLength = f.MaxLength, Items = f.Items?.Select(From).ToList(),
        };

        public IEnumerable<string> CleanOptions() =>
            (Options ?? []).SelectMany(o => (o ?? "").Split('\n')).Select(o => o.Trim()).Where(o => o.Length > 0).Distinct();
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex KeyFormat();

    public sealed class Handler(LapakDbContext db, ActivityLog activity, LapakText text, TimeProvider clock)
    {
        /// <summary>Creates a type when <paramref name="id"/> is null; the outcome carries the id. Errors are keyed like the command ("Fields[0].Key").</summary>
        public async Task<Outcome> HandleAsync(Guid? id, Command c)
        {
            RequestType? type = null;
            if (id is not null)
            {
                type = await db.Set<RequestType>().SingleOrDefaultAsync(t => t.Id == id);
                if (type is null) return Outcome.NotFound();
            }
            var outcome = Outcome.Invalid();
            var nameId = c.NameId.Trim();
            var nameEn = c.NameEn.Trim();
            var others = db.Set<RequestType>().Where(t => t.Id != id);
            if (nameId.Length > 0 && await others.AnyAsync(t => t.NameId.ToLower() == nameId.ToLower()))
                outcome.Add(nameof(Command.NameId), text.Get("Another request type already has this name."));
            if (nameEn.Length > 0 && await others.AnyAsync(t => t.NameEn.ToLower() == nameEn.ToLower()))
                outcome.Add(nameof(Command.NameEn), text.Get("Another request type already has this name."));
            if (c.DefaultTeamId is { } teamId && !await db.Set<Team>().AnyAsync(t => t.Id == teamId))
                outcome.Add(nameof(Command.DefaultTeamId), text.Get("This team does not exist."));
            if (c.Fields.Count > MaxFields)
                outcome.Add(nameof(Command.Fields), string.Format(text.Get("At most {0} fields."), MaxFields));
            var fields = CheckFields(c.Fields, nameof(Command.Fields), nested: false, outcome);
            if (outcome.HasErrors) return outcome;

            var now = clock.GetUtcNow().UtcDateTime;
            if (type is null)
            {
                type = new RequestType { CreatedAt = now };
                db.Add(type);
            }
            type.NameId = nameId;
            type.NameEn = nameEn;
            type.DescriptionId = Blank(c.DescriptionId);
            type.DescriptionEn = Blank(c.DescriptionEn);
            type.DefaultTeamId = c.DefaultTeamId;
            type.DefaultPriority = c.DefaultPriority;
            type.NeedsApproval = c.NeedsApproval;
            type.IsActive = c.IsActive;
            type.SortOrder = c.SortOrder;
            type.Fields = fields;
            activity.Record(id is null ? "helpdesk.request_type_created" : "helpdesk.request_type_updated", "request_type", type.Id.ToString(), detail: nameId);
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: "23505" }
                                              or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 })
            {
                // Two admins saved the same name at the same moment: the unique index decided, the second hears why.
                var taken = Outcome.Invalid();
                taken.Add(nameof(Command.NameId), text.Get("Another request type already has this name."));
                return taken;
            }
            return Outcome.Done(type.Id);
        }

        private List<RequestField> CheckFields(List<FieldInput> inputs, string prefix, bool nested, Outcome outcome)
        {
            var fields = new List<RequestField>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < inputs.Count; i++)
            {
                var f = inputs[i];
                var at = $"{prefix}[{i}].";
                var key = (f.Key ?? "").Trim();
                if (key.Length == 0) outcome.Add(at + nameof(FieldInput.Key), text.Get("Enter a key."));
                else if (key.Length > 40 || !KeyFormat().IsMatch(key))
                    outcome.Add(at + nameof(FieldInput.Key), text.Get("Use lowercase letters, digits and _; start with a letter (at most 40)."));
                else if (!seen.Add(key)) outcome.Add(at + nameof(FieldInput.Key), text.Get("Another field already has this key."));
                if (string.IsNullOrWhiteSpace(f.LabelId)) outcome.Add(at + nameof(FieldInput.LabelId), text.Get("Enter the label in Indonesian."));
                else if (f.LabelId.Trim().Length > 100) outcome.Add(at + nameof(FieldInput.LabelId), text.Get("The label may be at most 100 characters."));
                if (string.IsNullOrWhiteSpace(f.LabelEn)) outcome.Add(at + nameof(FieldInput.LabelEn), text.Get("Enter the label in English."));
                else if (f.LabelEn.Trim().Length > 100) outcome.Add(at + nameof(FieldInput.LabelEn), text.Get("The label may be at most 100 characters."));
                if (!Enum.IsDefined(f.Kind) || (nested && !FieldValues.ItemKinds.Contains(f.Kind)))
                    outcome.Add(at + nameof(FieldInput.Kind), text.Get("A row of a list can hold text, a number, a date or a choice."));
                if (f.MaxLength is < 1 or > Ticket.DescriptionMaxLength)
                    outcome.Add(at + nameof(FieldInput.MaxLength), string.Format(text.Get("Enter a number from {0} to {1}."), 1, Ticket.DescriptionMaxLength));
                var options = f.CleanOptions().ToList();
                if (f.Kind == FieldKind.Choice && options.Count == 0)
                    outcome.Add(at + nameof(FieldInput.Options), text.Get("Give at least one option, one per line."));
                List<RequestField>? items = null;
                if (f.Kind == FieldKind.List)
                {
                    if ((f.Items ?? []).Count == 0) outcome.Add(at + nameof(FieldInput.Items), text.Get("Give the list at least one column."));
                    else items = CheckFields(f.Items!, at + nameof(FieldInput.Items), nested: true, outcome);
                }
                fields.Add(new RequestField(key, f.LabelId?.Trim() ?? "", f.LabelEn?.Trim() ?? "", f.Kind, f.Required,
                    f.Kind == FieldKind.Choice ? options : null, f.MaxLength, items));
            }
            return fields;
        }

        private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }
}
