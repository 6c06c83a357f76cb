using ScanPoint.Hardware.Hid;

namespace ScanPoint.Hardware.Tests.Hid;

public sealed class KeystrokeDecoderTests
{
    public const string Base45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    public const string Hc1 = "HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N IOP-IA%NFQGRJPC%OQHIZC4.OI1RM8ZA.A5:S9MKN4NN3F85QNCY0O%0VZ001HOC9JU0D0HT0HB2PL/IB*09B9LW4T*8+DC9I0%YB/VM$*SBAKYE9*FJ7ID$0HY2AV6MKDJ9H$:GA+CT-MJ.6:Q6 4U*5T$-A%Q60FXCSKAF$7T$HM/VDKLMCCHM9V0X3JWIXZ2VU3.LTHTAL76OHOM7F1";
    public const string Shc = "shc:/56762909524320603460292437404460312229595326546034602925407728043360287028647167452228092861333145643765314159064022030645045908564355034142454136403706366541713724123638030437562204673740753232392543344332605736010645293153127074242839503869221276";
    public const string Lowercase = "abcdefghijklmnopqrstuvwxyz";
    public const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    public static TheoryData<string, string> LayoutsAndTexts()
    {
        var data = new TheoryData<string, string>();
        foreach (var layout in (string[])["us", "de", "fr"])
        {
            foreach (var text in (string[])[Base45, Hc1, Shc, Lowercase, Punctuation, "Mixed Case 123 / ok."])
            {
                data.Add(layout, text);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LayoutsAndTexts))]
    public void Accept_GeneratedScan_YieldsTheText(string layoutName, string text)
    {
        var layout = KeyboardLayout.Find(layoutName)!;

        var scans = Decode(ScannerKeystrokes.Type(text, layout), new KeystrokeDecoder(layout, HidTerminators.Enter, 5000));

        Assert.Equal([text], scans);
    }

    [Theory]
    [InlineData("us")]
    [InlineData("de")]
    [InlineData("fr")]
    public void Accept_WrongLayout_DoesNotYieldTheText(string layoutName)
    {
        var other = layoutName == "us" ? KeyboardLayout.De : KeyboardLayout.Us;

        var scans = Decode(ScannerKeystrokes.Type(Hc1, KeyboardLayout.Find(layoutName)!), new KeystrokeDecoder(other, HidTerminators.Enter, 5000));

        Assert.NotEqual(Hc1, Assert.Single(scans));
    }

    [Theory]
    [InlineData("us")]
    [InlineData("de")]
    [InlineData("fr")]
    public void Accept_CapsLockOn_YieldsTheText(string layoutName)
    {
        var layout = KeyboardLayout.Find(layoutName)!;
        var decoder = new KeystrokeDecoder(layout, HidTerminators.Enter, 5000);

        var scans = Decode(ScannerKeystrokes.Type(Hc1 + " " + Lowercase, layout, capsLock: true), decoder);

        Assert.Equal([Hc1 + " " + Lowercase], scans);
        Assert.True(decoder.CapsLock);
    }

    [Fact]
    public void Accept_TabTerminator_EndsScansAtTab()
    {
        var layout = KeyboardLayout.Us;
        var bytes = ScannerKeystrokes.Type("HC1:AB", layout, terminatorKey: 15).Concat(ScannerKeystrokes.Type("shc:/12", layout, terminatorKey: 15)).ToArray();

        var scans = Decode(bytes, new KeystrokeDecoder(layout, HidTerminators.Tab, 100));

        Assert.Equal(["HC1:AB", "shc:/12"], scans);
    }

    [Fact]
    public void Accept_EnterWhenOnlyTabTerminates_IsPartOfTheScan()
    {
        var bytes = ScannerKeystrokes.Type("A", KeyboardLayout.Us, terminatorKey: 28).Concat(ScannerKeystrokes.Type("B", KeyboardLayout.Us, terminatorKey: 15)).ToArray();

        Assert.Equal(["A\nB"], Decode(bytes, new KeystrokeDecoder(KeyboardLayout.Us, HidTerminators.Tab, 100)));
    }

    [Fact]
    public void Accept_DeadKeyBeforeALetter_TypesBothWithoutComposing()
    {
        var clock = new ScannerKeystrokes.Clock();
        var events = ScannerKeystrokes.Tap(clock, 41).Concat(ScannerKeystrokes.Tap(clock, 30)).Concat(ScannerKeystrokes.Tap(clock, 28));

        Assert.Equal(["^a"], Decode(ScannerKeystrokes.Bytes(events), new KeystrokeDecoder(KeyboardLayout.De, HidTerminators.Enter, 100)));
    }

    [Fact]
    public void Accept_KeysWithCtrlHeld_AreSkipped()
    {
        var clock = new ScannerKeystrokes.Clock();
        var events = ScannerKeystrokes.Tap(clock, 30, modifier: 29).Concat(ScannerKeystrokes.Tap(clock, 48)).Concat(ScannerKeystrokes.Tap(clock, 28));

        Assert.Equal(["b"], Decode(ScannerKeystrokes.Bytes(events), new KeystrokeDecoder(KeyboardLayout.Us, HidTerminators.Enter, 100)));
    }

    [Fact]
    public void Accept_KeyRepeats_AreIgnored()
    {
        var events = ScannerKeystrokes.Events("AB", KeyboardLayout.Us).ToList();
        var pressB = events.FindIndex(e => e.Type == 1 && e.Code == 48 && e.Value == 1);
        events.Insert(pressB + 1, events[pressB] with { Value = 2 });
        events.Insert(pressB + 1, events[pressB] with { Value = 2 });

        Assert.Equal(["AB"], Decode(ScannerKeystrokes.Bytes(events), new KeystrokeDecoder(KeyboardLayout.Us, HidTerminators.Enter, 100)));
    }

    [Theory]
    [InlineData("us")]
    [InlineData("de")]
    [InlineData("fr")]
    public void Accept_AltKeypadCodes_YieldTheTextInAnyLayout(string layoutName)
    {
        var text = Hc1[..40] + Punctuation + Lowercase;

        var scans = Decode(ScannerKeystrokes.AltCodes(text), new KeystrokeDecoder(KeyboardLayout.Find(layoutName)!, HidTerminators.Enter, 5000));

        Assert.Equal([text], scans);
    }

    [Fact]
    public void Accept_OverLongScan_IsDroppedAndCounted()
    {
        var decoder = new KeystrokeDecoder(KeyboardLayout.Us, HidTerminators.Enter, 10);
        var bytes = ScannerKeystrokes.Type("HC1:ABCDEFGHIJK", KeyboardLayout.Us).Concat(ScannerKeystrokes.Type("HC1:OK", KeyboardLayout.Us)).ToArray();

        var scans = Decode(bytes, decoder);

        Assert.Equal(["HC1:OK"], scans);
        Assert.Equal(1, decoder.DroppedOverLong);
    }

    [Fact]
    public void Accept_ScanOfExactlyMaxLength_IsKept()
    {
        Assert.Equal(["0123456789"], Decode(ScannerKeystrokes.Type("0123456789", KeyboardLayout.Us), new KeystrokeDecoder(KeyboardLayout.Us, HidTerminators.Enter, 10)));
    }

    [Fact]
    public void Flush_WithoutTerminator_YieldsWhatWasTyped()
    {
        var decoder = new KeystrokeDecoder(KeyboardLayout.De, HidTerminators.None, 100);

        Assert.Empty(Decode(ScannerKeystrokes.Type("HC1:Z", KeyboardLayout.De, terminatorKey: null), decoder));
        Assert.True(decoder.HasPending);
        Assert.Equal("HC1:Z", decoder.Flush());
        Assert.False(decoder.HasPending);
        Assert.Null(decoder.Flush());
    }

    internal static List<string> Decode(byte[] bytes, KeystrokeDecoder decoder)
    {
        using var stream = new MemoryStream(bytes);
        return [.. new InputEventReader(stream).ReadAll().Select(decoder.Accept).OfType<string>()];
    }
}
