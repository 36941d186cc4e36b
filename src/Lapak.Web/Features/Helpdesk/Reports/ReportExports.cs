using System.Globalization;
using global::CsvHelper;
using Lapak.Web.Infrastructure.Documents;
using Lapak.Web.Infrastructure.Localization;

namespace Lapak.Web.Features.Helpdesk.Reports;

/// <summary>
/// CSV (CsvHelper, UTF-8 with BOM so Excel reads Indonesian text, comma separated, invariant numbers) and PDF
/// (<see cref="PdfWriter"/>) of a report section or the ticket list, in the reader's language.
/// </summary>
public sealed class ReportExports(LapakText text)
{
    public const int PdfTicketLimit = 2000;

    // A section's blocks differ in width (a title line, then its table), so only the ticket list keeps every record equally wide.
    private static CsvWriter Csv(Stream output, bool blocks = false) =>
        CsvWriter.Create(output, new CsvWriterOptions
        {
            WriteByteOrderMark = true, NewLine = "\r\n", FormatProvider = CultureInfo.InvariantCulture, ValidateFieldCount = !blocks,
        }, leaveOpen: true);

    /// <summary>Each table as a block: its title on a line of its own, the header row, the rows, then an empty line.</summary>
    public async Task WriteCsvAsync(Stream output, ReportSection section, ReportFilter filter)
    {
        await using var csv = Csv(output, blocks: true);
        csv.WriteField(section.Title);
        await csv.EndRecordAsync();
        csv.WriteField(text.Get("Period"));
        csv.WriteField($"{filter.From:yyyy-MM-dd}");
        csv.WriteField($"{filter.To:yyyy-MM-dd}");
        await csv.EndRecordAsync();
        foreach (var table in section.Tables)
        {
            csv.WriteField("");
            await csv.EndRecordAsync();
            csv.WriteField(table.Title);
            await csv.EndRecordAsync();
            foreach (var h in table.Headers) csv.WriteField(h);
            await csv.EndRecordAsync();
            foreach (var row in table.Rows)
            {
                foreach (var c in row) csv.WriteField(c ?? "");
                await csv.EndRecordAsync();
            }
        }
        await csv.FlushAsync();
    }

    public async Task WriteTicketsCsvAsync(Stream output, IReadOnlyList<string> headers, IAsyncEnumerable<TicketListRow> rows, CancellationToken ct)
    {
        await using var csv = Csv(output);
        foreach (var h in headers) csv.WriteField(h);
        await csv.EndRecordAsync(ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var c in ReportTables.TicketCells(row)) csv.WriteField(c ?? "");
            await csv.EndRecordAsync(ct);
        }
        await csv.FlushAsync(ct);
    }

    public byte[] Pdf(ReportSection section, IReadOnlyList<(string Label, string Value)> filters)
    {
        using var output = new MemoryStream();
        using (var pdf = new PdfWriter(output, section.Title, text.Get("Helpdesk report")))
        {
            Header(pdf, section.Title, filters);
            foreach (var table in section.Tables)
            {
                pdf.Need(60);
                pdf.Text(table.Title, 12, bold: true, spaceAfter: 6);
                if (table.Rows.Count == 0)
                {
                    pdf.Muted(text.Get("Nothing in this period."));
                    pdf.Y += 6;
                    continue;
                }
                var widths = Widths(table.Headers.Count);
                pdf.Table(table.Headers, table.Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(c => c ?? "–")]), widths,
                    rightAligned: Enumerable.Range(1, table.Headers.Count - 1).Where(i => table.Rows.All(r => IsNumber(r[i]))).ToHashSet());
            }
        }
        return output.ToArray();
    }

    public byte[] TicketsPdf(TicketListReport list, IReadOnlyList<string> headers, IReadOnlyList<(string Label, string Value)> filters)
    {
        using var output = new MemoryStream();
        using (var pdf = new PdfWriter(output, text.Get("Ticket list"), text.Get("Helpdesk report")))
        {
            Header(pdf, text.Get("Ticket list"), filters);
            pdf.Field(text.Get("Tickets"), ReportTables.Number(list.Total));
            if (list.Total > list.Tickets.Count)
                pdf.Muted(string.Format(CultureInfo.InvariantCulture, text.Get("The first {0} tickets; download the CSV for all of them."), list.Tickets.Count));
            pdf.Y += 6;
            if (list.Tickets.Count == 0) pdf.Muted(text.Get("Nothing in this period."));
            else
                pdf.Table(headers, list.Tickets.Select(t => (IReadOnlyList<string>)[.. ReportTables.TicketCells(t).Select(c => c ?? "–")]),
                    [0.12f, 0.12f, 0.09f, 0.08f, 0.07f, 0.08f, 0.07f, 0.08f, 0.12f, 0.12f, 0.05f], size: 7.5f);
        }
        return output.ToArray();
    }

    private void Header(PdfWriter pdf, string title, IReadOnlyList<(string Label, string Value)> filters)
    {
        pdf.Heading(title);
        foreach (var (label, value) in filters) pdf.Field(label, value, labelWidth: 110);
        pdf.Muted(text.Get("Times are in minutes; business hours follow each ticket's calendar and leave out time waiting on the customer."));
        pdf.Rule();
    }

    private static float[] Widths(int columns) => columns switch
    {
        2 => [0.7f, 0.3f],
        _ => [.. Enumerable.Range(0, columns).Select(i => i == 0 ? 0.24f : 0.76f / (columns - 1))],
    };

    private static bool IsNumber(string? s) => s is null or "" || double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
