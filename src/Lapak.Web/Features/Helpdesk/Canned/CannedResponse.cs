using Lapak.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapak.Web.Features.Helpdesk.Canned;

/// <summary>
/// A saved answer agents insert into a reply. Its body may hold placeholders such as {customer_name} and
/// {ticket_code}, filled from the ticket when inserted. Without a team it is offered to every agent.
/// </summary>
public sealed class CannedResponse
{
    public const int TitleMaxLength = 100;
    public const int BodyMaxLength = 5000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid? TeamId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public Guid? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class CannedResponseConfiguration : IEntityTypeConfiguration<CannedResponse>
{
    public void Configure(EntityTypeBuilder<CannedResponse> b)
    {
        b.ToTable("helpdesk_canned_responses");
        b.Property(x => x.Title).HasMaxLength(CannedResponse.TitleMaxLength).IsRequired();
        b.Property(x => x.Body).HasMaxLength(CannedResponse.BodyMaxLength).IsRequired();
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.TeamId, x.Title });
    }
}
