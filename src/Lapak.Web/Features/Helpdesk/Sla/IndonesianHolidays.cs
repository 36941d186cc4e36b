namespace Lapak.Web.Features.Helpdesk.Sla;

/// <summary>
/// Indonesia's national holidays and cuti bersama, as the default calendar is seeded with them. Runs of days (a holiday
/// with its cuti bersama) are one entry. 2026 follows SKB 3 Menteri No. 1497/2025, 2/2025, 5/2025. 2027's SKB was not
/// yet published when this list was written: its entries are the projected dates of the holidays (lunar holidays by
/// hisab) without cuti bersama, named "(perkiraan)" so an admin sees they still need checking against the SKB.
/// </summary>
public static class IndonesianHolidays
{
    public static readonly IReadOnlyList<(DateOnly Start, DateOnly End, string Name)> All =
    [
        (D(2026, 1, 1), D(2026, 1, 1), "Tahun Baru 2026 Masehi"),
        (D(2026, 1, 16), D(2026, 1, 16), "Isra Mikraj Nabi Muhammad SAW"),
        (D(2026, 2, 16), D(2026, 2, 17), "Tahun Baru Imlek 2577 Kongzili dan cuti bersama"),
        (D(2026, 3, 18), D(2026, 3, 19), "Hari Suci Nyepi (Tahun Baru Saka 1948) dan cuti bersama"),
        (D(2026, 3, 20), D(2026, 3, 24), "Idul Fitri 1447 H dan cuti bersama"),
        (D(2026, 4, 3), D(2026, 4, 3), "Wafat Yesus Kristus"),
        (D(2026, 4, 5), D(2026, 4, 5), "Kebangkitan Yesus Kristus (Paskah)"),
        (D(2026, 5, 1), D(2026, 5, 1), "Hari Buruh Internasional"),
        (D(2026, 5, 14), D(2026, 5, 15), "Kenaikan Yesus Kristus dan cuti bersama"),
        (D(2026, 5, 27), D(2026, 5, 28), "Idul Adha 1447 H dan cuti bersama"),
        (D(2026, 5, 31), D(2026, 5, 31), "Hari Raya Waisak 2570 BE"),
        (D(2026, 6, 1), D(2026, 6, 1), "Hari Lahir Pancasila"),
        (D(2026, 6, 16), D(2026, 6, 16), "1 Muharam Tahun Baru Islam 1448 H"),
        (D(2026, 8, 17), D(2026, 8, 17), "Proklamasi Kemerdekaan"),
        (D(2026, 8, 25), D(2026, 8, 25), "Maulid Nabi Muhammad SAW"),
        (D(2026, 12, 24), D(2026, 12, 25), "Kelahiran Yesus Kristus (Natal) dan cuti bersama"),

        (D(2027, 1, 1), D(2027, 1, 1), "Tahun Baru 2027 Masehi"),
        (D(2027, 1, 5), D(2027, 1, 5), "Isra Mikraj Nabi Muhammad SAW (perkiraan)"),
        (D(2027, 2, 6), D(2027, 2, 6), "Tahun Baru Imlek 2578 Kongzili"),
        (D(2027, 3, 9), D(2027, 3, 9), "Hari Suci Nyepi (Tahun Baru Saka 1949) (perkiraan)"),
        (D(2027, 3, 10), D(2027, 3, 11), "Idul Fitri 1448 H (perkiraan)"),
        (D(2027, 3, 26), D(2027, 3, 26), "Wafat Yesus Kristus"),
        (D(2027, 3, 28), D(2027, 3, 28), "Kebangkitan Yesus Kristus (Paskah)"),
        (D(2027, 5, 1), D(2027, 5, 1), "Hari Buruh Internasional"),
        (D(2027, 5, 6), D(2027, 5, 6), "Kenaikan Yesus Kristus"),
        (D(2027, 5, 16), D(2027, 5, 16), "Idul Adha 1448 H (perkiraan)"),
        (D(2027, 5, 20), D(2027, 5, 20), "Hari Raya Waisak 2571 BE (perkiraan)"),
        (D(2027, 6, 1), D(2027, 6, 1), "Hari Lahir Pancasila"),
        (D(2027, 6, 5), D(2027, 6, 5), "1 Muharam Tahun Baru Islam 1449 H (perkiraan)"),
        (D(2027, 8, 17), D(2027, 8, 17), "Proklamasi Kemerdekaan"),
        (D(2027, 8, 14), D(2027, 8, 14), "Maulid Nabi Muhammad SAW (perkiraan)"),
        (D(2027, 12, 25), D(2027, 12, 25), "Kelahiran Yesus Kristus (Natal)"),
    ];

    private static DateOnly D(int y, int m, int d) => new(y, m, d);
}
