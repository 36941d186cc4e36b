using System.Text.Json;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapak.Web.Features.Helpdesk.RequestTypes;

/// <summary>
/// What a customer can ask for (seed 001's categories, seed 002's work-permit request): its names in both
/// languages, the team that receives it, its default priority, and the extra fields its form asks.
/// </summary>
public sealed class RequestType
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string NameId { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string? DescriptionId { get; set; }
    public string? DescriptionEn { get; set; }
    public Guid? DefaultTeamId { get; set; }
    public TicketPriority DefaultPriority { get; set; } = TicketPriority.Normal;
    /// <summary>Requests of this type wait for a supervisor's approval (seed 002's work permit).</summary>
    public bool NeedsApproval { get; set; }
    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }
    /// <summary>The extra form fields as JSON (a list of <see cref="RequestField"/>).</summary>
    public string FieldsJson { get; set; } = "[]";
    public DateTime CreatedAt { get; set; }

    public string Name(string language) => language == "en" ? NameEn : NameId;
    public string? Description(string language) => language == "en" ? DescriptionEn : DescriptionId;

    public IReadOnlyList<RequestField> Fields
    {
        get => JsonSerializer.Deserialize<List<RequestField>>(FieldsJson, RequestField.Json) ?? [];
        set => FieldsJson = JsonSerializer.Serialize(value, RequestField.Json);
    }
}

/// <summary>
/// <c>DateTimeWindow</c> holds a start and an end (<c>yyyy-MM-ddTHH:mm/yyyy-MM-ddTHH:mm</c>, local time);
/// <c>List</c> holds rows of <see cref="RequestField.Items"/> (seed 002's visitors: name, company, ID number);
/// <c>Branch</c> holds the <c>Code</c> of an existing branch (seed 002's data-center sites).
/// </summary>
public enum FieldKind { Text, LongText, Number, Date, Choice, DateTimeWindow, List, Branch }

/// <summary>One extra field of a request type's form; <see cref="Key"/> names its value on the ticket.</summary>
public sealed record RequestField(string Key, string LabelId, string LabelEn, FieldKind Kind, bool Required = false,
    IReadOnlyList<string>? Options = null, int MaxLength = 500, IReadOnlyList<RequestField>? Items = null)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public string Label(string language) => language == "en" ? LabelEn : LabelId;
}

internal sealed class RequestTypeConfiguration : IEntityTypeConfiguration<RequestType>
{
    public void Configure(EntityTypeBuilder<RequestType> b)
    {
        b.ToTable("helpdesk_request_types");
        b.Property(x => x.NameId).HasMaxLength(100).IsRequired();
        b.Property(x => x.NameEn).HasMaxLength(100).IsRequired();
        b.Property(x => x.DescriptionId).HasMaxLength(500);
        b.Property(x => x.DescriptionEn).HasMaxLength(500);
        b.Property(x => x.DefaultPriority).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.FieldsJson).IsRequired();
        b.Ignore(x => x.Fields);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.DefaultTeamId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.NameId).IsUnique();
    }
}
