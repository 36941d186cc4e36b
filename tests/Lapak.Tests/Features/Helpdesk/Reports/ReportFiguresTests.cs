using System.Net;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Helpdesk.Reports;

/// <summary>
/// The report figures of <see cref="ReportKit"/>'s six tickets against values worked out by hand (minutes):
/// first response clock [10, 20, 30, 45, 3960] → mean 813, median 30, p90 45 + 0.6·3915 = 2394; business [10, 20, 30, 45, 180]
/// → mean 57, median 30, p90 126 (T3 waits over the weekend: Fri 15–17 + Mon 8–9). Resolution clock [120, 1080, 1500, 4140]
/// → mean 1710, median 1290, p90 1500 + 0.7·2640 = 3348; business [120, 120, 180, 360] (T4's night waiting on the customer
/// left out) → mean 195, median 150, p90 306. The same numbers in the JSON, the CSV and the PDF.
/// </summary>
[Collection(Apps.Name)]
public sealed class ReportFiguresTests(Apps apps)
{
    private static async Task<JsonElement> JsonAsync(HttpClient api, string url)
    {
        var response = await api.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static double Num(JsonElement e, string path)
    {
        foreach (var part in path.Split('.')) e = e.GetProperty(part);
        return e.GetDouble();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Response_times_sla_satisfaction_agents_volume_and_backlog_match_the_hand_computed_figures(Db db)
    {
        var app = await apps.Get(db);
        var w = await ReportKit.BuildAsync(app);
        using var api = await app.ApiAsync(await app.CreateUserAsync(Roles.Admin));

        var times = await JsonAsync(api, $"/api/v1/reports/response-times?{w.Query}");
        Assert.Equal(5, Num(times, "firstResponse.count"));
        Assert.Equal(813.0, Num(times, "firstResponse.meanClock"));
        Assert.Equal(30.0, Num(times, "firstResponse.medianClock"));
        Assert.Equal(2394.0, Num(times, "firstResponse.p90Clock"));
        Assert.Equal(57.0, Num(times, "firstResponse.meanBusiness"));
        Assert.Equal(30.0, Num(times, "firstResponse.medianBusiness"));
        Assert.Equal(126.0, Num(times, "firstResponse.p90Business"));
        Assert.Equal(4, Num(times, "resolution.count"));
        Assert.Equal(1710.0, Num(times, "resolution.meanClock"));
        Assert.Equal(1290.0, Num(times, "resolution.medianClock"));
        Assert.Equal(3348.0, Num(times, "resolution.p90Clock"));
        Assert.Equal(195.0, Num(times, "resolution.meanBusiness"));
        Assert.Equal(150.0, Num(times, "resolution.medianBusiness"));
        Assert.Equal(306.0, Num(times, "resolution.p90Business"));
        // Business first responses 10, 20, 30, 45 are under an hour; 180 is 1–4 hours.
        Assert.Equal([4, 1, 0, 0, 0, 0], times.GetProperty("firstResponseDistribution").EnumerateArray().Select(b => b.GetProperty("count").GetInt32()));

        var sla = await JsonAsync(api, $"/api/v1/reports/sla?{w.Query}");
        Assert.Equal(3, Num(sla, "firstResponse.met"));
        Assert.Equal(3, Num(sla, "firstResponse.missed")); // T2 and T3 late, T6 never answered
        Assert.Equal(50.0, Num(sla, "firstResponse.compliancePercent"));
        Assert.Equal(3, Num(sla, "resolution.met"));
        Assert.Equal(2, Num(sla, "resolution.missed")); // T2 late, T5 still open after its due time
        Assert.Equal(60.0, Num(sla, "resolution.compliancePercent"));

        var csat = await JsonAsync(api, $"/api/v1/reports/satisfaction?{w.Query}");
        Assert.Equal(3, Num(csat, "ratings"));
        Assert.Equal(3.67, Num(csat, "average"));
        Assert.Equal(66.7, Num(csat, "csatPercent"));
        Assert.Equal([0, 1, 0, 1, 1], csat.GetProperty("distribution").EnumerateArray().Select(b => b.GetProperty("count").GetInt32()));
        Assert.Equal(["Lama sekali", "Cepat sekali, terima kasih"], csat.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("comment").GetString()));

        var agents = (await JsonAsync(api, $"/api/v1/reports/agents?{w.Query}")).GetProperty("agents").EnumerateArray().ToList();
        Assert.Equal(2, agents.Count);
        var a = agents.Single(x => x.GetProperty("agentId").GetGuid() == w.AgentA.Id);
        Assert.Equal((3, 2, 1), (a.GetProperty("assigned").GetInt32(), a.GetProperty("resolved").GetInt32(), a.GetProperty("openNow").GetInt32()));
        Assert.Equal(31.7, Num(a, "meanFirstResponseBusinessMinutes")); // (30 + 45 + 20) / 3
        Assert.Equal(150.0, Num(a, "meanResolutionBusinessMinutes")); // (120 + 180) / 2
        Assert.Equal(4.5, Num(a, "averageRating"));
        var b = agents.Single(x => x.GetProperty("agentId").GetGuid() == w.AgentB.Id);
        Assert.Equal((2, 2, 0), (b.GetProperty("assigned").GetInt32(), b.GetProperty("resolved").GetInt32(), b.GetProperty("openNow").GetInt32()));
        Assert.Equal(95.0, Num(b, "meanFirstResponseBusinessMinutes"));
        Assert.Equal(240.0, Num(b, "meanResolutionBusinessMinutes"));
        Assert.Equal(2.0, Num(b, "averageRating"));

        var volume = await JsonAsync(api, $"/api/v1/reports/volume?{w.Query}");
        Assert.Equal(6, Num(volume, "total"));
        Assert.Equal("day", volume.GetProperty("interval").GetString());
        var perDay = volume.GetProperty("perInterval").EnumerateArray().ToDictionary(x => x.GetProperty("key").GetString()!, x => x.GetProperty("count").GetInt32());
        Assert.Equal(31, perDay.Count);
        Assert.Equal((2, 1, 1, 1, 1, 0), (perDay["2025-03-03"], perDay["2025-03-07"], perDay["2025-03-11"], perDay["2025-03-12"], perDay["2025-03-13"], perDay["2025-03-04"]));
        var byStatus = volume.GetProperty("byStatus").EnumerateArray().ToDictionary(x => x.GetProperty("key").GetString()!, x => x.GetProperty("count").GetInt32());
        Assert.Equal((4, 1, 1), (byStatus["Resolved"], byStatus["Open"], byStatus["New"]));
        Assert.Equal(6, volume.GetProperty("byType").EnumerateArray().Single().GetProperty("count").GetInt32());

        // The backlog is now, whatever the period: T5 and T6, both more than 30 days old.
        var backlog = await JsonAsync(api, $"/api/v1/reports/backlog?{w.Query}");
        Assert.Equal(2, Num(backlog, "total"));
        Assert.Equal([0, 0, 0, 0, 2], backlog.GetProperty("ages").EnumerateArray().Select(x => x.GetProperty("count").GetInt32()));

        // A ticket changed later is measured again: T5 resolved now leaves the backlog.
        await app.WithDbAsync(async d =>
        {
            var t5 = await d.Set<Ticket>().SingleAsync(t => t.Code == w.Codes[4]);
            t5.MoveTo(TicketStatus.Resolved, Actor.System, DateTime.UtcNow);
            return await d.SaveChangesAsync();
        });
        await ReportKit.CatchUpAsync(app);
        var after = await JsonAsync(api, $"/api/v1/reports/backlog?{w.Query}&typeId={w.TypeId}"); // another filter: not the cached answer
        Assert.Equal(1, Num(after, "total"));

        // A deleted ticket leaves every report (deleting does not touch UpdatedAt; the updater sweeps deleted tickets).
        await app.WithDbAsync(async d =>
        {
            var t6 = await d.Set<Ticket>().SingleAsync(t => t.Code == w.Codes[5]);
            t6.DeletedAt = DateTime.UtcNow;
            return await d.SaveChangesAsync();
        });
        await ReportKit.CatchUpAsync(app);
        var remaining = await JsonAsync(api, $"/api/v1/reports/volume?{w.Query}&typeId={w.TypeId}");
        Assert.Equal(5, Num(remaining, "total"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Csv_and_pdf_exports_hold_the_same_numbers_in_the_readers_language(Db db)
    {
        var app = await apps.Get(db);
        var w = await ReportKit.BuildAsync(app);
        using var api = await app.ApiAsync(await app.CreateUserAsync(Roles.Admin));

        var csvResponse = await api.GetAsync($"/api/v1/reports/response-times?{w.Query}&format=csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.StartsWith("text/csv", csvResponse.Content.Headers.ContentType!.ToString());
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var rows = Rows(bytes);
        // Indonesian is the reader's language (the account's default); the numbers are invariant (a point, no grouping).
        Assert.Equal(["Respons pertama", "5", "813.0", "30.0", "2394.0", "57.0", "30.0", "126.0"], rows.Single(r => r[0] == "Respons pertama"));
        Assert.Equal(["Penyelesaian", "4", "1710.0", "1290.0", "3348.0", "195.0", "150.0", "306.0"], rows.Single(r => r[0] == "Penyelesaian"));
        string[] headers = ["Ukuran", "Tiket", "Rata-rata (jam dinding)", "Median (jam dinding)", "P90 (jam dinding)", "Rata-rata (jam kerja)",
            "Median (jam kerja)", "P90 (jam kerja)"];
        Assert.Contains(rows, r => r.SequenceEqual(headers));

        var satisfaction = Rows(await api.GetByteArrayAsync($"/api/v1/reports/satisfaction?{w.Query}&format=csv"));
        Assert.Equal("3.67", satisfaction.Single(r => r[0] == "Rata-rata penilaian (1–5)")[1]);
        Assert.Equal("66.7", satisfaction.Single(r => r[0] == "CSAT (porsi nilai 4 dan 5) %")[1]);

        var pdfResponse = await api.GetAsync($"/api/v1/reports/response-times?{w.Query}&format=pdf");
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType!.MediaType);
        var text = await PdfReader.TextAsync(await pdfResponse.Content.ReadAsByteArrayAsync());
        Assert.Contains("Waktu respons dan penyelesaian", text);
        Assert.Contains("2025-03-01 – 2025-03-31", text);
        foreach (var n in new[] { "813.0", "2394.0", "57.0", "126.0", "1710.0", "1290.0", "3348.0", "195.0", "150.0", "306.0" })
            Assert.Contains(n, text);

        var slaPdf = await PdfReader.TextAsync(await api.GetByteArrayAsync($"/api/v1/reports/sla?{w.Query}&format=pdf"));
        Assert.Contains("50.0", slaPdf);
        Assert.Contains("60.0", slaPdf);

        // The ticket list for the period: all six, oldest first, in CSV and PDF; Accept picks the format too.
        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/tickets?{w.Query}");
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        var list = Rows(await (await api.SendAsync(csvRequest)).Content.ReadAsByteArrayAsync());
        Assert.Equal(["Kode", "Dibuat", "Jenis permintaan", "Tim", "Cabang", "Status", "Prioritas", "Penanggung jawab", "Respons pertama", "Selesai", "Penilaian"], list[0]);
        Assert.Equal(w.Codes.Select(TicketCode.Display), list.Skip(1).Select(r => r[0]));
        Assert.Equal(["2025-03-03 09:00", "2025-03-03 09:30", "2025-03-03 11:00", "5"], new[] { list[1][1], list[1][8], list[1][9], list[1][10] });
        var listPdf = await PdfReader.TextAsync(await api.GetByteArrayAsync($"/api/v1/reports/tickets?{w.Query}&format=pdf"));
        // Small table text: pdftotext may put a space inside a word, so the codes are looked for with spaces removed.
        var compact = string.Concat(listPdf.Where(c => !char.IsWhiteSpace(c)));
        foreach (var code in w.Codes) Assert.True(compact.Contains(TicketCode.Display(code)), listPdf);
        var json = await JsonAsync(api, $"/api/v1/reports/tickets?{w.Query}&limit=2");
        Assert.Equal(6, json.GetProperty("total").GetInt32());
        Assert.Equal(2, json.GetProperty("tickets").GetArrayLength());
    }

    private static List<string[]> Rows(byte[] csv)
    {
        using var reader = CsvReader.Create(csv, new CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i))]);
        return rows;
    }
}
