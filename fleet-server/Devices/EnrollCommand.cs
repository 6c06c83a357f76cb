using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QRCoder;
using ScanPoint.FleetServer.Enrolment;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Devices;

/// <summary>
/// <c>fleet-server devices enroll --province CODE --site SITE [--qr FILE.png]</c>: a one-time enrolment ticket for a
/// new kiosk, printed as a QR in the terminal (and as a PNG with <c>--qr</c>) with the ticket text on the last line.
/// The technician scans it with the kiosk or runs <c>kiosk provision --code TICKET</c>. With <c>--device ID</c> the
/// ticket re-enrols an existing device (a kiosk offline past its certificate's expiry keeps its id and outbox).
/// </summary>
internal static class EnrollCommand
{
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TimeProvider time)
    {
        var province = Value(args, "--province");
        var site = Value(args, "--site");
        var existing = Value(args, "--device");
        if ((province is null || site is null) && existing is null)
        {
            Console.Error.WriteLine("usage: fleet-server devices enroll --province CODE --site SITE [--qr FILE.png]");
            Console.Error.WriteLine("       fleet-server devices enroll --device ID [--qr FILE.png]   (re-enrol a kiosk whose certificate expired)");
            return 2;
        }

        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var options = configuration.GetSection(EnrolmentOptions.SectionName).Get<EnrolmentOptions>() ?? new EnrolmentOptions();
        await using var store = await FleetStoreFactory.OpenAsync(storage, CancellationToken.None).ConfigureAwait(false);
        using var ca = FleetCertificateAuthority.LoadOrCreate(options.CaDir, options.FleetName, time);
        var service = new EnrolmentService(store, ca, Options.Create(options), time, NullLogger<EnrolmentService>.Instance);
        try
        {
            var (ticket, record) = existing is null
                ? await service.CreateAsync(province!, site!, CancellationToken.None).ConfigureAwait(false)
                : await service.CreateForDeviceAsync(existing, CancellationToken.None).ConfigureAwait(false);
            var text = ticket.ToString();
            using var generator = new QRCodeGenerator();
            using var qr = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
            Console.WriteLine(new AsciiQRCode(qr).GetGraphicSmall());
            if (Value(args, "--qr") is { } png)
            {
                await File.WriteAllBytesAsync(png, new PngByteQRCode(qr).GetGraphic(8)).ConfigureAwait(false);
                Console.WriteLine($"QR written to {png}");
            }

            var target = existing is null ? "a new kiosk" : $"device {existing}";
            Console.WriteLine($"enrolment code {record.CodeId} for {target} in province {record.Province}, site {record.SiteId}, valid until {record.ExpiresAt:yyyy-MM-dd HH:mm} UTC, one kiosk only. Ticket:");
            Console.WriteLine(text);
            return 0;
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"devices enroll: {ex.Message}");
            return 2;
        }
    }

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i < args.Length - 1 ? args[i + 1] : null;
    }
}
