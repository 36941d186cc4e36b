using System.Text;
using Lapak.Web.Features.Helpdesk.Tickets;
using static Lapak.Tests.Features.Helpdesk.Tickets.FilesKit;

namespace Lapak.Tests.Features.Helpdesk.Tickets;

/// <summary>What a file is, decided by its first bytes; the name only decides the name.</summary>
public sealed class FileKindsTests
{
    private static FileKind? Detect(byte[] bytes, string name) => FileKinds.Detect(new MemoryStream(bytes), name);

    [Fact]
    public void Each_accepted_type_is_recognised_by_its_bytes_whatever_it_is_called()
    {
        Assert.Same(FileKinds.Pdf, Detect(Pdf(), "scan.jpg"));
        Assert.Same(FileKinds.Png, Detect(Png(), "foto"));
        Assert.Same(FileKinds.Jpeg, Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "x.png"));
        Assert.Same(FileKinds.Gif, Detect("GIF89a\x01\x00"u8.ToArray(), "x"));
        Assert.Same(FileKinds.Webp, Detect("RIFF\x10\x00\x00\x00WEBPVP8 "u8.ToArray(), "x"));
        Assert.Same(FileKinds.Docx, Detect(Docx(), "laporan.zip"));
        Assert.Same(FileKinds.Csv, Detect("nama,jumlah\nBudi,3\n"u8.ToArray(), "data.csv"));
        Assert.Same(FileKinds.Text, Detect(Encoding.UTF8.GetBytes("Halo, modem saya mati ✓"), "catatan"));
    }

    [Fact]
    public void Programs_binary_junk_and_broken_archives_are_refused()
    {
        Assert.Null(Detect(Exe(), "invoice.pdf"));
        Assert.Null(Detect([0x00, 0x01, 0x02, 0xFE], "data.txt"));
        Assert.Null(Detect([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00], "arsip.zip"));
        Assert.Null(Detect([], "kosong.txt"));
    }

    [Fact]
    public void A_stored_name_has_no_folders_and_ends_in_what_the_file_really_is()
    {
        Assert.Equal("page.html.txt", FileKinds.SafeName("page.html", FileKinds.Text));
        Assert.Equal("passwd.pdf", FileKinds.SafeName("../../etc/passwd", FileKinds.Pdf));
        Assert.Equal("Foto.JPEG", FileKinds.SafeName("C:\\Users\\budi\\Foto.JPEG", FileKinds.Jpeg));
        Assert.Equal("a_b.png", FileKinds.SafeName("a\"b", FileKinds.Png));
    }
}
