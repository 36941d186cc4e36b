using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapak.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HelpdeskCoreSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Thread",
                table: "notifications_notifications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeleteReason",
                table: "helpdesk_tickets",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedAt",
                table: "helpdesk_tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DeletedById",
                table: "helpdesk_tickets",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "helpdesk_tickets",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "EmailMessageId",
                table: "helpdesk_ticket_messages",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Via",
                table: "helpdesk_ticket_messages",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "helpdesk_ticket_events",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsOrganizationManager",
                table: "accounts_users",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "helpdesk_canned_responses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_canned_responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_helpdesk_canned_responses_accounts_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "accounts_teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_helpdesk_canned_responses_accounts_users_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "accounts_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_inbound_emails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FromAddress = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: true),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_inbound_emails", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_team_settings",
                columns: table => new
                {
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundRobin = table.Column<bool>(type: "boolean", nullable: false),
                    LastAssignedUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_team_settings", x => x.TeamId);
                    table.ForeignKey(
                        name: "FK_helpdesk_team_settings_accounts_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "accounts_teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_helpdesk_team_settings_accounts_users_LastAssignedUserId",
                        column: x => x.LastAssignedUserId,
                        principalTable: "accounts_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_ticket_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: true),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    StoragePath = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    UploadedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_ticket_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_helpdesk_ticket_attachments_accounts_users_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "accounts_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_helpdesk_ticket_attachments_helpdesk_ticket_messages_Messag~",
                        column: x => x.MessageId,
                        principalTable: "helpdesk_ticket_messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_helpdesk_ticket_attachments_helpdesk_tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "helpdesk_tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_ticket_ratings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_ticket_ratings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_helpdesk_ticket_ratings_accounts_users_AgentId",
                        column: x => x.AgentId,
                        principalTable: "accounts_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_helpdesk_ticket_ratings_accounts_users_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "accounts_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_helpdesk_ticket_ratings_helpdesk_tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "helpdesk_tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_ticket_messages_EmailMessageId",
                table: "helpdesk_ticket_messages",
                column: "EmailMessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_canned_responses_CreatedById",
                table: "helpdesk_canned_responses",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_canned_responses_TeamId_Title",
                table: "helpdesk_canned_responses",
                columns: new[] { "TeamId", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_inbound_emails_MessageId",
                table: "helpdesk_inbound_emails",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_inbound_emails_ReceivedAt",
                table: "helpdesk_inbound_emails",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_team_settings_LastAssignedUserId",
                table: "helpdesk_team_settings",
                column: "LastAssignedUserId");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_ticket_attachments_MessageId",
                table: "helpdesk_ticket_attachments",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_ticket_attachments_TicketId",
                table: "helpdesk_ticket_attachments",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_ticket_attachments_UploadedById",
                table: "helpdesk_ticket_attachments",
                column: "UploadedById");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_ticket_ratings_AgentId",
                table: "helpdesk_ticket_ratings",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_ticket_ratings_CreatedAt",
                table: "helpdesk_ticket_ratings",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_ticket_ratings_CustomerId",
                table: "helpdesk_ticket_ratings",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_ticket_ratings_TicketId_ResolvedAt",
                table: "helpdesk_ticket_ratings",
                columns: new[] { "TicketId", "ResolvedAt" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "helpdesk_canned_responses");

            migrationBuilder.DropTable(
                name: "helpdesk_inbound_emails");

            migrationBuilder.DropTable(
                name: "helpdesk_team_settings");

            migrationBuilder.DropTable(
                name: "helpdesk_ticket_attachments");

            migrationBuilder.DropTable(
                name: "helpdesk_ticket_ratings");

            migrationBuilder.DropIndex(
                name: "IX_helpdesk_ticket_messages_EmailMessageId",
                table: "helpdesk_ticket_messages");

            migrationBuilder.DropColumn(
                name: "Thread",
                table: "notifications_notifications");

            migrationBuilder.DropColumn(
                name: "DeleteReason",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "DeletedById",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "helpdesk_tickets");

            migrationBuilder.DropColumn(
                name: "EmailMessageId",
                table: "helpdesk_ticket_messages");

            migrationBuilder.DropColumn(
                name: "Via",
                table: "helpdesk_ticket_messages");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "helpdesk_ticket_events");

            migrationBuilder.DropColumn(
                name: "IsOrganizationManager",
                table: "accounts_users");
        }
    }
}
