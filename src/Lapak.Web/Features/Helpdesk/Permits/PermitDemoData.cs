using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using F = Lapak.Web.Features.Helpdesk.Permits.PermitRequestFields;

namespace Lapak.Web.Features.Helpdesk.Permits;

/// <summary>Seed 002's data-center work permit as a request type; <c>HelpdeskDemoData</c> adds it with the other types.</summary>
public static class PermitDemoData
{
    public static RequestType WorkPermitType(Guid? team, DateTime now) => new()
    {
        NameId = "Izin Kerja Data Center", NameEn = "Data center work permit", SortOrder = 4, DefaultTeamId = team,
        DefaultPriority = TicketPriority.Normal, NeedsApproval = true, CreatedAt = now,
        DescriptionId = "Kunjungan kerja ke data center: disetujui supervisor cabang, lalu izin kerja (PDF) terbit.",
        DescriptionEn = "A work visit to a data center: approved by the branch supervisor, then the work permit (PDF) is issued.",
        Fields =
        [
            new(F.Branch, "Cabang", "Branch", FieldKind.Branch, Required: true),
            new(F.VisitWindow, "Tanggal dan jam kunjungan", "Visit date and time", FieldKind.DateTimeWindow, Required: true),
            new(F.Purpose, "Tujuan pekerjaan", "Purpose of the work", FieldKind.LongText, Required: true, MaxLength: 2000),
            new(F.Equipment, "Peralatan yang dibawa", "Equipment brought", FieldKind.LongText, MaxLength: 2000),
            new(F.Visitors, "Pengunjung", "Visitors", FieldKind.List, Required: true, Items:
            [
                new(F.VisitorName, "Nama", "Name", FieldKind.Text, Required: true, MaxLength: 100),
                new(F.VisitorCompany, "Perusahaan", "Company", FieldKind.Text, Required: true, MaxLength: 100),
                new(F.VisitorIdNumber, "Nomor KTP / paspor", "ID card / passport number", FieldKind.Text, Required: true, MaxLength: 30),
            ]),
        ],
    };
}
