using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapak.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HelpdeskOperations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "BranchId",
                table: "helpdesk_tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EscalatedAt",
                table: "helpdesk_tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstResponseDueAt",
                table: "helpdesk_tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolutionDueAt",
                table: "helpdesk_tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SlaBreachedAt",
                table: "helpdesk_tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SlaWarnedAt",
                table: "helpdesk_tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "helpdesk_calendars",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BranchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WeekJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_calendars", x => x.Id);
                    table.ForeignKey(
                        name: "FK_helpdesk_calendars_accounts_branches_BranchId",
                        column: x => x.BranchId,
                        principalTable: "accounts_branches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_helpdesk_calendars_accounts_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "accounts_teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Impact = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TechnicianId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SourceTicketId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_helpdesk_incidents_accounts_users_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "accounts_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_helpdesk_incidents_accounts_users_TechnicianId",
                        column: x => x.TechnicianId,
                        principalTable: "accounts_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_helpdesk_incidents_helpdesk_tickets_SourceTicketId",
                        column: x => x.SourceTicketId,
                        principalTable: "helpdesk_tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_permits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BranchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BranchName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    BranchAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    BranchTimeZone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    WindowStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WindowEndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CustomerName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Equipment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    VisitorsJson = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    ApprovedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedByName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovalComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RevokedByName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    RevokeReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_permits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_helpdesk_permits_accounts_branches_BranchId",
                        column: x => x.BranchId,
                        principalTable: "accounts_branches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_helpdesk_permits_helpdesk_tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "helpdesk_tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_sla_targets",
                columns: table => new
                {
                    Priority = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FirstResponseMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    WarnBeforeMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_sla_targets", x => x.Priority);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_ticket_escalations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Automatic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FromTeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToTeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToBranchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_ticket_escalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_helpdesk_ticket_escalations_accounts_branches_ToBranchId",
                        column: x => x.ToBranchId,
                        principalTable: "accounts_branches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_helpdesk_ticket_escalations_accounts_teams_ToTeamId",
                        column: x => x.ToTeamId,
                        principalTable: "accounts_teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_helpdesk_ticket_escalations_accounts_users_ToUserId",
                        column: x => x.ToUserId,
                        principalTable: "accounts_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_helpdesk_ticket_escalations_helpdesk_tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "helpdesk_tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_calendar_holidays",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CalendarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_calendar_holidays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_helpdesk_calendar_holidays_helpdesk_calendars_CalendarId",
                        column: x => x.CalendarId,
                        principalTable: "helpdesk_calendars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_incident_subscriptions",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_incident_subscriptions", x => new { x.IncidentId, x.CustomerId });
                    table.ForeignKey(
                        name: "FK_helpdesk_incident_subscriptions_accounts_users_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "accounts_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_helpdesk_incident_subscriptions_helpdesk_incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "helpdesk_incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_helpdesk_incident_subscriptions_helpdesk_tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "helpdesk_tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_incident_updates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_incident_updates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_helpdesk_incident_updates_helpdesk_incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "helpdesk_incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_BranchId_Status",
                table: "helpdesk_tickets",
                columns: new[] { "BranchId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_CreatedAt",
                table: "helpdesk_tickets",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_live_first_response_due",
                table: "helpdesk_tickets",
                column: "FirstResponseDueAt",
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_live_resolution_due",
                table: "helpdesk_tickets",
                column: "ResolutionDueAt",
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_calendar_holidays_CalendarId_StartDate",
                table: "helpdesk_calendar_holidays",
                columns: new[] { "CalendarId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_calendars_BranchId",
                table: "helpdesk_calendars",
                column: "BranchId",
                unique: true,
                filter: "\"BranchId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_calendars_Name",
                table: "helpdesk_calendars",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_calendars_TeamId",
                table: "helpdesk_calendars",
                column: "TeamId",
                unique: true,
                filter: "\"TeamId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_incident_subscriptions_CustomerId",
                table: "helpdesk_incident_subscriptions",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_incident_subscriptions_TicketId",
                table: "helpdesk_incident_subscriptions",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_incident_updates_IncidentId_At",
                table: "helpdesk_incident_updates",
                columns: new[] { "IncidentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_incidents_CreatedById",
                table: "helpdesk_incidents",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_incidents_SourceTicketId",
                table: "helpdesk_incidents",
                column: "SourceTicketId");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_incidents_State_UpdatedAt",
                table: "helpdesk_incidents",
                columns: new[] { "State", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_incidents_TechnicianId",
                table: "helpdesk_incidents",
                column: "TechnicianId");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_permits_BranchId_WindowStartUtc",
                table: "helpdesk_permits",
                columns: new[] { "BranchId", "WindowStartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_permits_Code",
                table: "helpdesk_permits",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_permits_TicketId",
                table: "helpdesk_permits",
                column: "TicketId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_ticket_escalations_TicketId_At",
                table: "helpdesk_ticket_escalations",
                columns: new[] { "TicketId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_ticket_escalations_ToBranchId",
                table: "helpdesk_ticket_escalations",
                column: "ToBranchId");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_ticket_escalations_ToTeamId",
                table: "helpdesk_ticket_escalations",
                column: "ToTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_ticket_escalations_ToUserId_At",
                table: "helpdesk_ticket_escalations",
                columns: new[] { "ToUserId", "At" });

            migrationBuilder.AddForeignKey(
                name: "FK_helpdesk_tickets_accounts_branches_BranchId",
                table: "helpdesk_tickets",
                column: "BranchId",
                principalTable: "accounts_branches",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_helpdesk_tickets_accounts_branches_BranchId",
                table: "helpdesk_tickets");

            migrationBuilder.DropTable(
                name: "helpdesk_calendar_holidays");

            migrationBuilder.DropTable(
                name: "helpdesk_incident_subscriptions");

            migrationBuilder.DropTable(
                name: "helpdesk_incident_updates");

            migrationBuilder.DropTable(
                name: "helpdesk_permits");

            migrationBuilder.DropTable(
                name: "helpdesk_sla_targets");

            migrationBuilder.DropTable(
                name: "helpdesk_ticket_escalations");

            migrationBuilder.DropTable(
                name: "helpdesk_calendars");

            migrationBuilder.DropTable(
                name: "helpdesk_incidents");

            migrationBuilder.DropIndex(
                name: "IX_helpdesk_tickets_BranchId_Status",
                table: "helpdesk_tickets");

            migrationBuilder.DropIndex(
                name: "IX_helpdesk_tickets_CreatedAt",
                table: "helpdesk_tickets");

            migrationBuilder.DropIndex(
                name: "IX_helpdesk_tickets_live_first_response_due",
                table: "helpdesk_tickets");

            migrationBuilder.DropIndex(
                name: "IX_helpdesk_tickets_live_resolution_due",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "BranchId",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "EscalatedAt",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "FirstResponseDueAt",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "ResolutionDueAt",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "SlaBreachedAt",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "SlaWarnedAt",
                table: "helpdesk_tickets");
        }
    }
}
