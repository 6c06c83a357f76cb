using QRCoder;

namespace ScanPoint.FleetServer.Dashboard;

/// <summary>A QR code drawn on the server as an inline SVG (shapes and attributes only: the page's CSP allows no inline style).</summary>
public static class QrSvg
{
    public static string Of(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(new System.Drawing.Size(260, 260), "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
