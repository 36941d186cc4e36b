using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapak.Web.Infrastructure.Data.Migrations.Postgres
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
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedDay = table.Column<DateOnly>(type: "date", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    BranchId = table.Column<Guid>(type: "uuid", nullable: true),
                    RequestTypeId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssigneeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Priority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IsOpen = table.Column<bool>(type: "boolean", nullable: false),
                    FirstResponseAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FirstResponseSeconds = table.Column<long>(type: "bigint", nullable: true),
                    FirstResponseBusinessSeconds = table.Column<long>(type: "bigint", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolutionSeconds = table.Column<long>(type: "bigint", nullable: true),
                    ResolutionBusinessSeconds = table.Column<long>(type: "bigint", nullable: true),
                    FirstResponseDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolutionDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    RatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SourceUpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_report_facts", x => x.TicketId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_report_facts_created",
                table: "helpdesk_report_facts",
                columns: new[] { "CreatedAt", "TeamId", "BranchId", "RequestTypeId", "CreatedDay", "Status", "Priority", "AssigneeId", "FirstResponseSeconds", "FirstResponseBusinessSeconds" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_report_facts_first_response_due",
                table: "helpdesk_report_facts",
                columns: new[] { "FirstResponseDueAt", "TeamId", "BranchId", "RequestTypeId", "FirstResponseAt" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_report_facts_open",
                table: "helpdesk_report_facts",
                columns: new[] { "IsOpen", "CreatedAt", "TeamId", "BranchId", "RequestTypeId", "AssigneeId" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_report_facts_rated",
                table: "helpdesk_report_facts",
                columns: new[] { "RatedAt", "TeamId", "BranchId", "RequestTypeId", "AssigneeId", "Rating" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_report_facts_resolution_due",
                table: "helpdesk_report_facts",
                columns: new[] { "ResolutionDueAt", "TeamId", "BranchId", "RequestTypeId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_report_facts_resolved",
                table: "helpdesk_report_facts",
                columns: new[] { "ResolvedAt", "TeamId", "BranchId", "RequestTypeId", "AssigneeId", "ResolutionSeconds", "ResolutionBusinessSeconds" });

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
