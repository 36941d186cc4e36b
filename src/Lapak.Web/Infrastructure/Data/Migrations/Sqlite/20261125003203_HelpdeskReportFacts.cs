using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapak.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HelpdeskReportFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "helpdesk_report_facts",
                columns: table => new
                {
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BranchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestTypeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssigneeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstResponseAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FirstResponseSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstResponseBusinessSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolutionSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolutionBusinessSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstResponseDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolutionDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    RatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SourceUpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_report_facts", x => x.TicketId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_report_facts_CreatedAt_TeamId_BranchId_RequestTypeId",
                table: "helpdesk_report_facts",
                columns: new[] { "CreatedAt", "TeamId", "BranchId", "RequestTypeId" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_report_facts_FirstResponseDueAt",
                table: "helpdesk_report_facts",
                column: "FirstResponseDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_report_facts_IsOpen_CreatedAt",
                table: "helpdesk_report_facts",
                columns: new[] { "IsOpen", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_report_facts_RatedAt",
                table: "helpdesk_report_facts",
                column: "RatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_report_facts_ResolutionDueAt",
                table: "helpdesk_report_facts",
                column: "ResolutionDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_report_facts_ResolvedAt_TeamId",
                table: "helpdesk_report_facts",
                columns: new[] { "ResolvedAt", "TeamId" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_report_facts_SourceUpdatedAt",
                table: "helpdesk_report_facts",
                column: "SourceUpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "helpdesk_report_facts");
        }
    }
}
