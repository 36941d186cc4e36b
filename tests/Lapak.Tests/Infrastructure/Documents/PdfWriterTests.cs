using Lapak.Web.Infrastructure.Documents;

namespace Lapak.Tests.Infrastructure.Documents;

/// <summary>The document writer's PDFs read back: Indonesian text, tables across pages, and a QR code that decodes.</summary>
public sealed class PdfWriterTests
{
    [Fact]
    public async Task Text_tables_and_a_qr_code_read_back_from_the_pdf()
    {
        using var stream = new MemoryStream();
        using (var pdf = new PdfWriter(stream, "Surat Izin Kerja"))
        {
            pdf.Heading("Surat Izin Kerja — Data Center Bintaro");
            pdf.Field("Kode tiket", "ABCD-EFGH");
            pdf.Field("Alamat", "Jl. Boulevard Bintaro Jaya Sektor 7, Tangerang Selatan, Banten");
            pdf.QrCode("https://lapak.example/verify/Zx81-kq", PdfWriter.Margin, pdf.Y, 120);
            pdf.Y += 130;
            pdf.Table(["Nama", "Perusahaan", "No. identitas"],
                Enumerable.Range(1, 80).Select(i => (IReadOnlyList<string>)[$"Pengunjung {i}", "PT Maju Jaya", "************1234"]), [0.4f, 0.35f, 0.25f]);
        }
        var bytes = stream.ToArray();

        var text = await PdfReader.TextAsync(bytes);
        Assert.Contains("Surat Izin Kerja — Data Center Bintaro", text);
        Assert.Contains("Jl. Boulevard Bintaro Jaya Sektor 7", text);
        Assert.Contains("Pengunjung 80", text); // the table ran onto a second page
        Assert.Equal(["https://lapak.example/verify/Zx81-kq"], await PdfReader.QrCodesAsync(bytes));
    }
}
