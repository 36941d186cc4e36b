using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapak.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HelpdeskListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_live_assignee",
                table: "helpdesk_tickets",
                columns: new[] { "AssigneeId", "Status", "UpdatedAt" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_live_customer",
                table: "helpdesk_tickets",
                columns: new[] { "CustomerId", "Status", "UpdatedAt" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_live_status",
                table: "helpdesk_tickets",
                columns: new[] { "Status", "UpdatedAt" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_tickets_live_team",
                table: "helpdesk_tickets",
                columns: new[] { "TeamId", "Status", "UpdatedAt" },
                filter: "\"DeletedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_helpdesk_tickets_live_assignee",
                table: "helpdesk_tickets");

            migrationBuilder.DropIndex(
                name: "IX_helpdesk_tickets_live_customer",
                table: "helpdesk_tickets");

            migrationBuilder.DropIndex(
                name: "IX_helpdesk_tickets_live_status",
                table: "helpdesk_tickets");

            migrationBuilder.DropIndex(
                name: "IX_helpdesk_tickets_live_team",
                table: "helpdesk_tickets");
        }
    }
}
