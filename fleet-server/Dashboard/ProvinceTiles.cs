namespace ScanPoint.FleetServer.Dashboard;

/// <summary>
/// A schematic tile map of Viet Nam's 34 provincial units (since the 2025 merger): one square per province at its
/// approximate place (column, row), not to scale. No boundary data set with a usable licence was found in the package
/// registries (Natural Earth's admin-1 predates the merger and is not packaged for Viet Nam), so the map is drawn
/// from this table. Codes are those devices are registered with (ISO 3166-2 letters where one exists).
/// </summary>
public static class ProvinceTiles
{
    public sealed record Tile(string Code, string Name, int Column, int Row);

    public static readonly IReadOnlyList<Tile> All =
    [
        new("LCH", "Lai Châu", 0, 0), new("LCA", "Lào Cai", 1, 0), new("TQ", "Tuyên Quang", 2, 0), new("CB", "Cao Bằng", 3, 0),
        new("DB", "Điện Biên", 0, 1), new("PT", "Phú Thọ", 1, 1), new("TN", "Thái Nguyên", 2, 1), new("LS", "Lạng Sơn", 3, 1),
        new("SL", "Sơn La", 0, 2), new("HN", "Hà Nội", 1, 2), new("BN", "Bắc Ninh", 2, 2), new("QN", "Quảng Ninh", 3, 2),
        new("NB", "Ninh Bình", 1, 3), new("HY", "Hưng Yên", 2, 3), new("HP", "Hải Phòng", 3, 3),
        new("TH", "Thanh Hoá", 1, 4),
        new("NA", "Nghệ An", 1, 5),
        new("HT", "Hà Tĩnh", 2, 6),
        new("QT", "Quảng Trị", 2, 7),
        new("HUE", "Huế", 3, 8),
        new("DN", "Đà Nẵng", 3, 9),
        new("QNG", "Quảng Ngãi", 3, 10),
        new("GL", "Gia Lai", 3, 11),
        new("DLK", "Đắk Lắk", 3, 12),
        new("LD", "Lâm Đồng", 2, 13), new("KH", "Khánh Hoà", 3, 13),
        new("TNH", "Tây Ninh", 1, 14), new("DNA", "Đồng Nai", 2, 14),
        new("AG", "An Giang", 0, 15), new("DT", "Đồng Tháp", 1, 15), new("SG", "TP. Hồ Chí Minh", 2, 15),
        new("CT", "Cần Thơ", 0, 16), new("VL", "Vĩnh Long", 1, 16),
        new("CM", "Cà Mau", 0, 17),
    ];

    /// <summary>The shade for a province's active ratio (null: no devices), in five steps matching the legend.</summary>
    public static string Fill(double? ratio) => ratio switch
    {
        null => "#f2f4f7",
        < 0.25 => "#fee4e2",
        < 0.5 => "#fef0c7",
        < 0.75 => "#d1fadf",
        _ => "#32d583",
    };
}
