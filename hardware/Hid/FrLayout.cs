namespace ScanPoint.Hardware.Hid;

/// <summary>French AZERTY (XKB <c>fr</c>): digits are shifted, <c>:</c> and <c>*</c> are not.</summary>
internal static class FrLayout
{
    public static LayoutTable Create() => new LayoutTable()
        .Row(KeyCodes.Key1, "&é\"'(-è_çà)=", "1234567890°+")
        .AltGr(KeyCodes.Key1 + 1, '~').AltGr(KeyCodes.Key1 + 2, '#').AltGr(KeyCodes.Key1 + 3, '{')
        .AltGr(KeyCodes.Key1 + 4, '[').AltGr(KeyCodes.Key1 + 5, '|').AltGr(KeyCodes.Key1 + 6, '`')
        .AltGr(KeyCodes.Key1 + 7, '\\').AltGr(KeyCodes.Key1 + 8, '^').AltGr(KeyCodes.Key0, '@')
        .AltGr(KeyCodes.Minus, ']').AltGr(KeyCodes.Equal, '}')
        .Letters(KeyCodes.Q, "azertyuiop").AltGr(KeyCodes.Q + 2, '€')
        .Dead(KeyCodes.LeftBrace, KeyLevel.Normal, '^').Dead(KeyCodes.LeftBrace, KeyLevel.Shift, '¨')
        .Key(KeyCodes.RightBrace, '$', '£')
        .Letters(KeyCodes.A, "qsdfghjklm").Key(KeyCodes.Apostrophe, 'ù', '%').Key(KeyCodes.Grave, '²', '²')
        .Key(KeyCodes.Backslash, '*', 'µ')
        .Letters(KeyCodes.Z, "wxcvbn").Row(KeyCodes.M, ",;:!", "?./§")
        .Key(KeyCodes.Key102nd, '<', '>');
}
