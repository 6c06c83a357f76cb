using ScanPoint.Contracts.CheckIns;

namespace ScanPoint.Kiosk.Screen;

/// <summary>A verdict code as the page shows it: its kind and the reason in plain Vietnamese and English.</summary>
public static class VerdictText
{
    private static readonly Dictionary<string, (string Vi, string En)> Reasons = new(StringComparer.Ordinal)
    {
        ["EXP"] = ("Giấy chứng nhận đã hết hạn", "The certificate has expired"),
        ["NBF"] = ("Giấy chứng nhận chưa có hiệu lực", "The certificate is not valid yet"),
        ["SIG"] = ("Chữ ký không hợp lệ", "The signature is not valid"),
        ["KID"] = ("Không nhận ra cơ quan cấp", "The issuer is not recognised"),
        ["ISSUER"] = ("Không nhận ra cơ quan cấp", "The issuer is not recognised"),
        ["REVOKED"] = ("Giấy chứng nhận đã bị thu hồi", "The certificate has been revoked"),
        ["RULE"] = ("Không đáp ứng quy định hiện hành", "Does not meet the current rules"),
        ["DCL_WINDOW"] = ("Tờ khai không còn trong thời hạn", "The declaration is outside its valid window"),
        ["TRUST_STALE"] = ("Dữ liệu xác thực đã cũ — cần cập nhật", "Verification data is out of date — update needed"),
        ["NO_TRUST"] = ("Chưa có dữ liệu xác thực", "No verification data on this kiosk"),
        ["CLOCK"] = ("Đồng hồ thiết bị không tin cậy", "The kiosk's clock cannot be trusted"),
        ["PREFIX"] = ("Không phải mã được hỗ trợ", "Not a supported code"),
        ["TOO_LARGE"] = ("Mã quá lớn", "The code is too large"),
        ["STORAGE"] = ("Không ghi nhận được — vui lòng quét lại", "Could not be recorded — please scan again"),
        ["MISMATCH"] = ("Các mã không cùng một người", "The codes belong to different people"),
        ["VAX_RECENT"] = ("Chưa tiêm đủ hoặc chưa đủ 14 ngày", "Vaccination not complete or too recent"),
        ["TEST_OLD"] = ("Kết quả xét nghiệm đã quá hạn", "The test result is too old"),
        ["TEST_POSITIVE"] = ("Kết quả xét nghiệm không âm tính", "The test result is not negative"),
        ["RECOVERY_OLD"] = ("Chứng nhận khỏi bệnh đã quá hạn", "The recovery certificate is too old"),
        ["DCL_OLD"] = ("Tờ khai đã quá hạn", "The declaration is too old"),
        ["ROUTE"] = ("Tờ khai không đúng lộ trình này", "The declaration is not for this route"),
        ["HEALTH"] = ("Tờ khai y tế có dấu hiệu bệnh", "The health declaration reports symptoms or exposure"),
        ["INCOMPLETE"] = ("Thiếu giấy tờ theo quy định", "Required documents are missing"),
        ["MISSING"] = ("Không có giấy tờ hợp lệ theo quy định", "No document this kiosk accepts"),
    };

    private static readonly Dictionary<string, (string Vi, string En)> Kinds = new(StringComparer.Ordinal)
    {
        ["movement"] = ("tờ khai di chuyển", "movement declaration"),
        ["health"] = ("tờ khai y tế", "health declaration"),
        ["vaccination"] = ("chứng nhận tiêm chủng", "vaccination certificate"),
        ["test"] = ("kết quả xét nghiệm", "test result"),
        ["recovery"] = ("chứng nhận khỏi bệnh", "recovery certificate"),
    };

    /// <summary>A checkpoint still waiting for codes: what to scan next, e.g. "movement declaration; vaccination certificate or test result".</summary>
    public static (string Kind, string Vi, string En) Pending(IReadOnlyList<string> missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        string Name(string group, bool vi) => string.Join(vi ? " hoặc " : " or ", group.Split('|').Select(k => Kinds.TryGetValue(k, out var n) ? (vi ? n.Vi : n.En) : k));
        return ("pending", "Mời quét tiếp: " + string.Join("; ", missing.Select(g => Name(g, true))), "Scan next: " + string.Join("; ", missing.Select(g => Name(g, false))));
    }

    public static (string Kind, string Vi, string En) Describe(string verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (verdict == VerdictCodes.Accepted)
        {
            return ("accepted", "Hợp lệ — mời vào", "Valid — please go ahead");
        }

        if (verdict == VerdictCodes.CheckedOut)
        {
            return ("checked-out", "Đã ghi nhận ra về — tạm biệt", "Checked out — goodbye");
        }

        if (verdict == VerdictCodes.Unverified)
        {
            return ("unverified", "Đã ghi nhận — danh tính chưa xác minh", "Recorded — identity not verified");
        }

        var split = verdict.IndexOf(':', StringComparison.Ordinal);
        var kind = split > 0 ? verdict[..split] : verdict;
        var code = split > 0 ? verdict[(split + 1)..] : "";
        if (Reasons.TryGetValue(code, out var reason))
        {
            return (kind == "rejected" ? "rejected" : "unverifiable", reason.Vi, reason.En);
        }

        return kind == "rejected"
            ? ("rejected", "Mã không hợp lệ", "The code is not valid")
            : ("unverifiable", "Không thể xác minh — vui lòng gặp nhân viên", "Cannot be verified — please see staff");
    }
}
