namespace ScanPoint.Hardware.Hid;

/// <summary>US QWERTY (XKB <c>us</c>).</summary>
internal static class UsLayout
{
    public static LayoutTable Create() => new LayoutTable()
        .Row(KeyCodes.Key1, "1234567890-=", "!@#$%^&*()_+")
        .Letters(KeyCodes.Q, "qwertyuiop").Row(KeyCodes.LeftBrace, "[]", "{}")
        .Letters(KeyCodes.A, "asdfghjkl").Row(KeyCodes.Semicolon, ";'`", ":\"~")
        .Key(KeyCodes.Backslash, '\\', '|')
        .Letters(KeyCodes.Z, "zxcvbnm").Row(KeyCodes.Comma, ",./", "<>?")
        .Key(KeyCodes.Key102nd, '\\', '|');
}
