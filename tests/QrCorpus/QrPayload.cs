namespace ScanPoint.QrCorpus;

/// <summary>A payload to encode: its kind (<c>hc1</c>, <c>shc</c>, <c>dcl</c>, <c>vi</c>, <c>url</c>) and text.</summary>
public sealed record QrPayload(string Kind, string Text)
{
    /// <summary>Whether QRCoder should mark the text as UTF-8 with an ECI segment.</summary>
    public bool Utf8Eci => Kind == "vi";
}
