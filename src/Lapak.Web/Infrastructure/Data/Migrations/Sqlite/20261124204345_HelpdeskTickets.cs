using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapak.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HelpdeskTickets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "helpdesk_request_types",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NameId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DescriptionId = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DefaultTeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DefaultPriority = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NeedsApproval = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    FieldsJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_request_types", x => x.Id);
                    table.ForeignKey(
                        name: "FK_helpdesk_request_types_accounts_teams_DefaultTeamId",
                        column: x => x.DefaultTeamId,
                        principalTable: "accounts_teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_tickets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    RequestTypeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssigneeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    FieldsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RelatedKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RelatedId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstResponseAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_tickets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_helpdesk_tickets_accounts_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "accounts_organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_helpdesk_tickets_accounts_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "accounts_teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_helpdesk_tickets_accounts_users_AssigneeId",
                        column: x => x.AssigneeId,
                        principalTable: "accounts_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_helpdesk_tickets_accounts_users_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "accounts_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_helpdesk_tickets_accounts_users_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "accounts_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_helpdesk_tickets_helpdesk_request_types_RequestTypeId",
                        column: x => x.RequestTypeId,
                        principalTable: "helpdesk_request_types",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_ticket_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_ticket_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_helpdesk_ticket_events_helpdesk_tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "helpdesk_tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_ticket_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    FromStaff = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsInternal = table.Column<bool>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_ticket_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_helpdesk_ticket_messages_helpdesk_tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "helpdesk_tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_request_types_DefaultTeamId",
                table: "helpdesk_request_types",
                column: "DefaultTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_request_types_NameId",
                table: "helpdesk_request_types",
                column: "NameId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_ticket_events_TicketId_At",
                table: "helpdesk_ticket_events",
                columns: new[] { "TicketId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_ticket_messages_TicketId_CreatedAt",
                table: "helpdesk_ticket_messages",
                columns: new[] { "TicketId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_AssigneeId_Status",
                table: "helpdesk_tickets",
                columns: new[] { "AssigneeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_Code",
                table: "helpdesk_tickets",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_CreatedById",
                table: "helpdesk_tickets",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_CustomerId_CreatedAt",
                table: "helpdesk_tickets",
                columns: new[] { "CustomerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_OrganizationId",
                table: "helpdesk_tickets",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_RequestTypeId",
                table: "helpdesk_tickets",
                column: "RequestTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_TeamId_Status_CreatedAt",
                table: "helpdesk_tickets",
                columns: new[] { "TeamId", "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "helpdesk_ticket_events");

            migrationBuilder.DropTable(
                name: "helpdesk_ticket_messages");

            migrationBuilder.DropTable(
                name: "helpdesk_tickets");

            migrationBuilder.DropTable(
                name: "helpdesk_request_types");
        }
    }
}
