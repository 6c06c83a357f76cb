namespace ScanPoint.Hardware.Hid;

/// <summary>Builds a layout's key map: key code and level to the character it types.</summary>
internal sealed class LayoutTable
{
    private readonly Dictionary<(ushort Code, KeyLevel Level), KeySymbol> _symbols = [];

    public LayoutTable()
    {
        Key(KeyCodes.Space, ' ', ' ');
        Key(KeyCodes.KpSlash, '/', '/').Key(KeyCodes.KpAsterisk, '*', '*');
        Key(KeyCodes.KpMinus, '-', '-').Key(KeyCodes.KpPlus, '+', '+').Key(KeyCodes.KpDot, '.', '.');
        ushort[] pad = [KeyCodes.Kp0, KeyCodes.Kp1, KeyCodes.Kp2, KeyCodes.Kp3, KeyCodes.Kp4, KeyCodes.Kp5, KeyCodes.Kp6, KeyCodes.Kp7, KeyCodes.Kp8, KeyCodes.Kp9];
        for (var digit = 0; digit < pad.Length; digit++)
        {
            var c = (char)('0' + digit);
            Key(pad[digit], c, c);
        }
    }

    public IReadOnlyDictionary<(ushort Code, KeyLevel Level), KeySymbol> Symbols => _symbols;

    /// <summary>Consecutive keys typing the characters of <paramref name="normal"/> and, shifted, of <paramref name="shifted"/>.</summary>
    public LayoutTable Row(ushort firstCode, string normal, string shifted)
    {
        for (var i = 0; i < normal.Length; i++)
        {
            Key((ushort)(firstCode + i), normal[i], shifted[i]);
        }

        return this;
    }

    /// <summary>Consecutive letter keys; Shift (and Caps Lock) types the upper case.</summary>
    public LayoutTable Letters(ushort firstCode, string letters) =>
        Row(firstCode, letters, letters.ToUpperInvariant());

    public LayoutTable Key(ushort code, char normal, char shifted)
    {
        _symbols[(code, KeyLevel.Normal)] = new KeySymbol(normal, Dead: false);
        _symbols[(code, KeyLevel.Shift)] = new KeySymbol(shifted, Dead: false);
        return this;
    }

    public LayoutTable AltGr(ushort code, char c)
    {
        _symbols[(code, KeyLevel.AltGr)] = new KeySymbol(c, Dead: false);
        return this;
    }

    /// <summary>A dead key: typed alone (followed by Space) it gives <paramref name="spacing"/>.</summary>
    public LayoutTable Dead(ushort code, KeyLevel level, char spacing)
    {
        _symbols[(code, level)] = new KeySymbol(spacing, Dead: true);
        return this;
    }
}
