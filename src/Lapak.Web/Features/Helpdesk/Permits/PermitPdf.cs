using System.Text.Json;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure;
using Lapak.Web.Infrastructure.Documents;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Lapak.Web.Features.Helpdesk.Permits;

/// <summary>
/// The permit as a one-page A4 PDF in the reader's language: who may come, where and when, who approved it, and a QR code
/// of the public verification page the gate guard opens. Everything comes from the <see cref="Permit"/> snapshot, so the
/// PDF says what was approved even after the ticket changes; ID numbers are already masked there.
/// </summary>
public sealed class PermitPdf(IOptions<LapakOptions> site, LapakText text)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private const int InitialCapacity = 1024 * 1024;
    private static readonly SKColor Danger = new(0xb0, 0x2a, 0x37), Grey = new(0x6c, 0x75, 0x7d);

    /// <summary>The address the QR code holds: <c>{Lapak:PublicUrl}/verify/{code}</c>.</summary>
    public string VerificationUrl(Permit permit) => $"{site.Value.PublicUrl.TrimEnd('/')}/verify/{permit.Code}";

    public static IReadOnlyList<PermitVisitor> Visitors(Permit permit)
    {
        try { return JsonSerializer.Deserialize<List<PermitVisitor>>(permit.VisitorsJson, Json) ?? []; }
        catch (JsonException) { return []; }
    }

    public static string FileName(string ticketCode) => $"izin-kerja-{TicketCode.Display(ticketCode)}.pdf";

    /// <summary>
    /// The PDF, in a stream positioned at its start. The whole DejaVu fonts are embedded (SkiaSharp does not subset), so a
    /// permit is about 740 KB: the stream is sized for that at once rather than grown and copied.
    /// </summary>
    public MemoryStream Render(Permit permit, string ticketCode, string language)
    {
        string T(string english) => text.Get(english, language);
        var title = T("Work Permit");
        var stream = new MemoryStream(InitialCapacity);
        using (var pdf = new PdfWriter(stream, $"{title} {TicketCode.Display(ticketCode)}", permit.BranchName))
        {
            // One typeface only: SkiaSharp embeds each font used in full (~370 KB compressed), and deflating it is most of
            // the render time, so hierarchy comes from size and colour instead of a second, bold font.
            pdf.Text(title, 24, spaceAfter: 8);
            pdf.Muted(T("Data center work permit issued through Lapak. Show it at the gate with the visitors' ID cards."));
            pdf.Y += 6;
            if (permit.RevokedAt is { } revokedAt)
            {
                pdf.Text(string.Format(T("REVOKED on {0}: this permit is no longer valid."), PermitTimes.Instant(revokedAt, permit.BranchTimeZone, language)),
                    13, color: Danger);
                if (!string.IsNullOrWhiteSpace(permit.RevokeReason)) pdf.Field(T("Reason"), permit.RevokeReason);
                pdf.Y += 4;
            }
            pdf.Rule();
            pdf.Field(T("Ticket code"), TicketCode.Display(ticketCode));
            pdf.Field(T("Client"), permit.CustomerName);
            pdf.Field(T("Company"), string.IsNullOrWhiteSpace(permit.CompanyName) ? "–" : permit.CompanyName);
            pdf.Field(T("Branch"), permit.BranchName);
            pdf.Field(T("Address"), permit.BranchAddress);
            pdf.Field(T("Visit window"), PermitTimes.Window(permit.WindowStartUtc, permit.WindowEndUtc, permit.BranchTimeZone, language));
            pdf.Field(T("Purpose"), permit.Purpose);
            pdf.Field(T("Equipment"), string.IsNullOrWhiteSpace(permit.Equipment) ? "–" : permit.Equipment);
            pdf.Field(T("Approved by"), permit.ApprovedByName);
            pdf.Field(T("Approved at"), PermitTimes.Instant(permit.ApprovedAt, permit.BranchTimeZone, language));
            pdf.Y += 8;

            pdf.Text(T("Visitors"), 14);
            VisitorTable(pdf, [T("Name"), T("Company"), T("ID number")],
                Visitors(permit).Select(v => (IReadOnlyList<string>)[v.Name, v.Company, v.MaskedIdNumber]));

            const float qr = 120;
            pdf.Need(qr + 60);
            var url = VerificationUrl(permit);
            var top = pdf.Y;
            pdf.QrCode(url, PdfWriter.Margin, top, qr);
            pdf.Y = top + 8;
            var x = PdfWriter.Margin + qr + 16;
            pdf.Text(T("Check this permit"), 12, x: x);
            pdf.Text(T("Scan the code or open the address below: it shows whether the permit is valid right now."), 9.5f, x: x);
            pdf.Y = Math.Max(pdf.Y, top + qr + 6);
            pdf.Text(url, 9, x: PdfWriter.Margin);
        }
        stream.Position = 0;
        return stream;
    }

    /// <summary>Name, company and masked ID per row, the header in grey: <see cref="PdfWriter.Table"/> without its bold header.</summary>
    private static void VisitorTable(PdfWriter pdf, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        const float size = 10;
        float[] widths = [0.4f * PdfWriter.ContentWidth, 0.35f * PdfWriter.ContentWidth, 0.25f * PdfWriter.ContentWidth];
        void Row(IReadOnlyList<string> cells, SKColor? color)
        {
            // Room for three wrapped lines, so a row never starts on one page and ends on the next.
            pdf.Need(size * 1.35f * 3 + 8);
            var top = pdf.Y;
            var bottom = top;
            var x = PdfWriter.Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                pdf.Y = top + 3;
                pdf.Text(cells[i], size, color: color, x: x + 3, width: widths[i] - 6, spaceAfter: 0);
                bottom = Math.Max(bottom, pdf.Y);
                x += widths[i];
            }
            pdf.Y = bottom + 3;
            pdf.Rule();
            pdf.Y -= 5;
        }
        Row(headers, Grey);
        foreach (var row in rows) Row(row, null);
        pdf.Y += 8;
    }
}
