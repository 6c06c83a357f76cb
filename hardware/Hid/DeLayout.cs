namespace ScanPoint.Hardware.Hid;

/// <summary>German QWERTZ (XKB <c>de</c>, with dead keys).</summary>
internal static class DeLayout
{
    public static LayoutTable Create() => new LayoutTable()
        .Row(KeyCodes.Key1, "1234567890ß", "!\"§$%&/()=?")
        .Dead(KeyCodes.Equal, KeyLevel.Normal, '´').Dead(KeyCodes.Equal, KeyLevel.Shift, '`')
        .AltGr(KeyCodes.Key1 + 1, '²').AltGr(KeyCodes.Key1 + 2, '³')
        .AltGr(KeyCodes.Key1 + 6, '{').AltGr(KeyCodes.Key1 + 7, '[').AltGr(KeyCodes.Key1 + 8, ']').AltGr(KeyCodes.Key0, '}')
        .AltGr(KeyCodes.Minus, '\\')
        .Letters(KeyCodes.Q, "qwertzuiopü").AltGr(KeyCodes.Q, '@').AltGr(KeyCodes.Q + 2, '€')
        .Key(KeyCodes.RightBrace, '+', '*').AltGr(KeyCodes.RightBrace, '~')
        .Letters(KeyCodes.A, "asdfghjklöä")
        .Key(KeyCodes.Grave, '^', '°').Dead(KeyCodes.Grave, KeyLevel.Normal, '^')
        .Key(KeyCodes.Backslash, '#', '\'')
        .Letters(KeyCodes.Z, "yxcvbnm").AltGr(KeyCodes.M, 'µ')
        .Row(KeyCodes.Comma, ",.-", ";:_")
        .Key(KeyCodes.Key102nd, '<', '>').AltGr(KeyCodes.Key102nd, '|')
        .Key(KeyCodes.KpDot, ',', ',');
}
