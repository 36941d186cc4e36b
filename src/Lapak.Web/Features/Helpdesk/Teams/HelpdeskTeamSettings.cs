using Lapak.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapak.Web.Features.Helpdesk.Teams;

/// <summary>
/// How the helpdesk treats one team (teams themselves belong to Accounts). With round-robin on, each new
/// ticket goes straight to the next active member after <see cref="LastAssignedUserId"/>.
/// </summary>
public sealed class HelpdeskTeamSettings
{
    public Guid TeamId { get; set; }
    public bool RoundRobin { get; set; }
    public Guid? LastAssignedUserId { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class HelpdeskTeamSettingsConfiguration : IEntityTypeConfiguration<HelpdeskTeamSettings>
{
    public void Configure(EntityTypeBuilder<HelpdeskTeamSettings> b)
    {
        b.ToTable("helpdesk_team_settings");
        b.HasKey(x => x.TeamId);
        b.HasOne<Team>().WithOne().HasForeignKey<HelpdeskTeamSettings>(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.LastAssignedUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
