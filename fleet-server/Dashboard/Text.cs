namespace ScanPoint.FleetServer.Dashboard;

/// <summary>
/// The dashboard's words in Vietnamese and English (<see cref="Language"/>), one request's language. A key missing
/// from the table is a bug: the text-table test fails on it, and the page shows the key itself.
/// </summary>
public sealed class Text(string language)
{
    /// <summary>Key → (Vietnamese, English).</summary>
    public static readonly IReadOnlyDictionary<string, (string Vi, string En)> Table = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["app"] = ("ScanPoint — Quản lý thiết bị", "ScanPoint — Fleet"),
        ["nav.overview"] = ("Tổng quan", "Overview"),
        ["nav.devices"] = ("Thiết bị", "Devices"),
        ["nav.map"] = ("Bản đồ", "Map"),
        ["nav.alerts"] = ("Cảnh báo", "Alerts"),
        ["nav.relay"] = ("Chuyển tiếp", "Relay"),
        ["nav.enrolment"] = ("Đăng ký thiết bị", "Enrolment"),
        ["signin"] = ("Đăng nhập", "Sign in"),
        ["signout"] = ("Đăng xuất", "Sign out"),
        ["name"] = ("Tên đăng nhập", "User name"),
        ["password"] = ("Mật khẩu", "Password"),
        ["signin.wrong"] = ("Sai tên đăng nhập hoặc mật khẩu.", "Unknown user or wrong password."),
        ["signin.locked"] = ("Tài khoản tạm khoá do nhập sai nhiều lần. Hãy thử lại sau 15 phút.", "Account locked after too many wrong passwords. Try again in 15 minutes."),
        ["signin.missing"] = ("Hãy nhập tên và mật khẩu.", "Enter a name and a password."),
        ["signed.as"] = ("Đăng nhập:", "Signed in:"),
        ["all.provinces"] = ("mọi tỉnh", "all provinces"),
        ["province"] = ("Tỉnh/thành", "Province"),
        ["district"] = ("Quận/huyện", "District"),
        ["site"] = ("Điểm", "Site"),
        ["device"] = ("Thiết bị", "Device"),
        ["device.missing"] = ("Không có thiết bị này", "No such device"),
        ["registered"] = ("Đã đăng ký", "Registered"),
        ["state"] = ("Trạng thái", "State"),
        ["state.online"] = ("Trực tuyến", "Online"),
        ["state.stale"] = ("Mất nhịp", "Stale"),
        ["state.offline"] = ("Ngoại tuyến", "Offline"),
        ["state.lost"] = ("Mất kết nối", "Lost"),
        ["state.never-active"] = ("Chưa hoạt động", "Never active"),
        ["state.idle"] = ("Không quét", "Idle"),
        ["state.alert"] = ("Có cảnh báo", "Alert"),
        ["state.revoked"] = ("Đã thu hồi", "Revoked"),
        ["active7"] = ("Hoạt động 7 ngày", "Active 7 days"),
        ["ratio"] = ("Tỉ lệ", "Ratio"),
        ["trust.stale"] = ("Danh sách tin cậy cũ", "Trust bundle old"),
        ["clock.skew"] = ("Lệch đồng hồ", "Clock skew"),
        ["open.alerts"] = ("Cảnh báo mở", "Open alerts"),
        ["total"] = ("Tổng", "Total"),
        ["overview.title"] = ("Tổng quan theo tỉnh", "Overview by province"),
        ["overview.up"] = ("Lên một cấp", "Up one level"),
        ["thresholds"] = ("Ngưỡng", "Thresholds"),
        ["search.id"] = ("Tìm mã thiết bị", "Search device id"),
        ["filter"] = ("Lọc", "Filter"),
        ["any"] = ("(tất cả)", "(any)"),
        ["page"] = ("Trang", "Page"),
        ["previous"] = ("Trước", "Previous"),
        ["next"] = ("Sau", "Next"),
        ["last.seen"] = ("Lần cuối thấy", "Last seen"),
        ["last.scan"] = ("Lần quét cuối", "Last scan"),
        ["checkins"] = ("Lượt quét", "Check-ins"),
        ["trust.version"] = ("Phiên bản tin cậy", "Trust version"),
        ["clock.offset"] = ("Lệch đồng hồ (s)", "Clock offset (s)"),
        ["alerts"] = ("Cảnh báo", "Alerts"),
        ["none"] = ("Không có", "None"),
        ["history"] = ("Lịch sử sức khoẻ", "Health history"),
        ["hours"] = ("giờ", "hours"),
        ["cpu.temp"] = ("Nhiệt độ CPU (°C)", "CPU temperature (°C)"),
        ["outbox"] = ("Hàng đợi gửi", "Outbox depth"),
        ["scans.day"] = ("Lượt quét mỗi ngày", "Scans per day"),
        ["received"] = ("Nhận lúc", "Received"),
        ["config"] = ("Cấu hình", "Configuration"),
        ["config.insync"] = ("Đồng bộ", "In sync"),
        ["config.drift"] = ("Lệch cấu hình", "Drift"),
        ["desired"] = ("Mong muốn", "Desired"),
        ["effective"] = ("Thực tế", "Effective"),
        ["why"] = ("Lý do", "Why"),
        ["commands"] = ("Lệnh", "Commands"),
        ["command"] = ("Lệnh", "Command"),
        ["created"] = ("Tạo lúc", "Created"),
        ["expires"] = ("Hết hạn", "Expires"),
        ["result"] = ("Kết quả", "Result"),
        ["kind"] = ("Loại", "Kind"),
        ["detail"] = ("Chi tiết", "Detail"),
        ["at"] = ("Lúc", "At"),
        ["enrolment.title"] = ("Mã đăng ký thiết bị", "Enrolment codes"),
        ["enrolment.create"] = ("Tạo mã", "Create code"),
        ["enrolment.new"] = ("Mã mới: quét bằng máy kiosk để đăng ký (chỉ hiện một lần).", "New code: scan it with the kiosk to enrol (shown once)."),
        ["enrolment.bad"] = ("Tỉnh và điểm: 1-64 ký tự A-Z a-z 0-9 _ -", "Province and site: 1-64 of A-Z a-z 0-9 _ -"),
        ["code"] = ("Mã", "Code"),
        ["used"] = ("Đã dùng", "Used"),
        ["used.by"] = ("Thiết bị", "By device"),
        ["status"] = ("Tình trạng", "Status"),
        ["status.open"] = ("Còn hiệu lực", "Open"),
        ["status.used"] = ("Đã dùng", "Used"),
        ["status.expired"] = ("Hết hạn", "Expired"),
        ["status.burnt"] = ("Bị khoá", "Burnt"),
        ["map.title"] = ("Bản đồ hoạt động", "Activity map"),
        ["map.tiles"] = ("Mỗi ô là một tỉnh/thành (sơ đồ, không theo tỉ lệ); màu theo tỉ lệ hoạt động 7 ngày.", "One square per province (schematic, not to scale), shaded by the 7-day active ratio."),
        ["map.sites"] = ("Các điểm có toạ độ", "Sites with coordinates"),
        ["map.other"] = ("Tỉnh không có trên sơ đồ", "Provinces not on the map"),
        ["map.nodata"] = ("Không có thiết bị", "No devices"),
        ["relay.title"] = ("Chuyển tiếp lên hệ thống quốc gia", "Relay to the national backend"),
        ["relay.pending"] = ("Đang chờ", "Pending"),
        ["relay.oldest"] = ("Cũ nhất (tuổi)", "Oldest (age)"),
        ["relay.dead"] = ("Bị từ chối", "Dead letters"),
        ["relay.replay"] = ("Gửi lại tất cả", "Replay all"),
        ["relay.replayed"] = ("Đã đưa lại vào hàng đợi:", "Put back into the outbox:"),
        ["relay.replay.scope"] = ("Chỉ quản trị viên toàn quốc mới gửi lại được.", "Only a user of every province may replay."),
        ["seq"] = ("Số thứ tự", "Seq"),
        ["reason"] = ("Lý do", "Reason"),
        ["alerts.title"] = ("Cảnh báo đang mở", "Open alerts"),
        ["denied"] = ("Bạn không có quyền xem trang này.", "You may not see this page."),
        ["lang.switch"] = ("English", "Tiếng Việt"),
    };

    public string Language { get; } = language;

    /// <summary>A ratio as a percentage with one decimal, written as the language writes it (the build is culture-invariant).</summary>
    public string Percent(double ratio)
    {
        var text = (ratio * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %";
        return Language == Dashboard.Language.English ? text : text.Replace('.', ',');
    }

    public string this[string key] =>
        Table.TryGetValue(key, out var pair) ? (Language == Dashboard.Language.English ? pair.En : pair.Vi) : key;

    /// <summary>The state's label.</summary>
    public string State(string state) => this["state." + state];
}
