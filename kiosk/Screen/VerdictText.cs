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
    };

    public static (string Kind, string Vi, string En) Describe(string verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (verdict == VerdictCodes.Accepted)
        {
            return ("accepted", "Hợp lệ — mời vào", "Valid — please go ahead");
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
