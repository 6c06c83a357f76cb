using System.Globalization;
using System.Security.Cryptography;
using ScanPoint.Hardware.Signals;
using ScanPoint.Kiosk.Verification;

namespace ScanPoint.Kiosk.Commands;

/// <summary><c>kiosk selftest</c>'s checks of the door signals, the clock, storage and the trust bundle.</summary>
internal static class SelftestCommandChecks
{
    /// <summary>kiosk/Clock's last-known-good time file (<c>LastKnownGoodTime.FileName</c>): ISO 8601, round-trip format.</summary>
    public const string LastKnownGoodFileName = "clock.lkg";

    public const string StorageProbeName = ".selftest-storage";

    /// <summary>Signals as a running kiosk reports them (its pins are busy, so no blink).</summary>
    public static SelftestCheck Gpio(SignalsHealth health, string whose) => health.Faulted
        ? SelftestCheck.Fail("gpio", $"{whose} {health.Driver} signals are faulted: {health.Reason}")
        : SelftestCheck.Pass("gpio", $"{whose} {health.Driver} signals work");

    /// <summary>Not faulted when opened; then a blink of both lights and a chirp, and still not faulted.</summary>
    public static async Task<SelftestCheck> GpioAsync(IAccessSignals signals, TimeProvider time, CancellationToken cancellationToken)
    {
        if (signals.Health.Faulted)
        {
            return Gpio(signals.Health, "the");
        }

        if (signals.Health.Driver == "none")
        {
            return SelftestCheck.Pass("gpio", "no door signals configured (Signals:Driver=none)");
        }

        signals.Play(SignalPatterns.Blink);
        await Task.Delay(SignalPatterns.Blink.Duration, time, cancellationToken).ConfigureAwait(false);
        signals.Idle();
        return signals.Health.Faulted
            ? Gpio(signals.Health, "the")
            : SelftestCheck.Pass("gpio", $"{signals.Health.Driver}: blinked green and red with a chirp");
    }

    /// <summary>The clock is not behind the last-known-good time the kiosk saved (a Pi has no real-time clock).</summary>
    public static SelftestCheck Clock(string dataDir, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var path = Path.Combine(dataDir, LastKnownGoodFileName);
        if (!File.Exists(path))
        {
            return SelftestCheck.Pass("clock", $"now {now:O} (no last-known-good time saved yet)");
        }

        if (!DateTimeOffset.TryParseExact(File.ReadAllText(path).Trim(), "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var good))
        {
            return SelftestCheck.Fail("clock", $"{path} is unreadable; now {now:O}");
        }

        return now < good
            ? SelftestCheck.Fail("clock", $"now {now:O} is behind the last-known-good time {good:O}: set the clock (or let NTP/the fleet set it)")
            : SelftestCheck.Pass("clock", $"now {now:O}, last known good {good:O}");
    }

    /// <summary>Writes 64 KiB of random bytes in the data directory, forces them to stable storage, reads them back.</summary>
    public static SelftestCheck Storage(string dataDir)
    {
        var path = Path.Combine(dataDir, StorageProbeName);
        var data = RandomNumberGenerator.GetBytes(64 * 1024);
        try
        {
            using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                file.Write(data);
                file.Flush(flushToDisk: true); // fsync
            }

            var back = File.ReadAllBytes(path);
            return back.AsSpan().SequenceEqual(data)
                ? SelftestCheck.Pass("storage", $"{dataDir}: 64 KiB written, fsync'd and read back")
                : SelftestCheck.Fail("storage", $"{dataDir}: what was read back differs from what was written");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return SelftestCheck.Fail("storage", $"{dataDir}: {ex.Message}");
        }
        finally
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // reported above when it matters
            }
        }
    }

    /// <summary>A pinned anchor, a bundle verified against it, and its document-signer sections within their maximum age.</summary>
    public static SelftestCheck Trust(KioskTrust trust, TimeProvider time)
    {
        if (!trust.HasAnchor)
        {
            return SelftestCheck.Fail("trust", $"no trust anchor pinned ({KioskTrust.AnchorFileName} in the data directory): provision the kiosk");
        }

        if (trust.Bundle is not { } bundle)
        {
            return SelftestCheck.Fail("trust", $"no valid trust bundle: {trust.Problem}");
        }

        var now = time.GetUtcNow();
        var age = now - bundle.IssuedAt;
        var stale = new List<string>();
        if (bundle.IsDccStale(now))
        {
            stale.Add("DCC signers");
        }

        if (bundle.DeclarationSigners.Count > 0 && bundle.IsDeclarationSignersStale(now))
        {
            stale.Add("declaration signers");
        }

        var summary = string.Create(CultureInfo.InvariantCulture, $"bundle v{bundle.Version} issued {bundle.IssuedAt:O} ({age.TotalDays:0.#} days old), {bundle.Dsc.Count} document signers");
        return stale.Count == 0
            ? SelftestCheck.Pass("trust", summary)
            : SelftestCheck.Fail("trust", $"{summary}: {string.Join(" and ", stale)} past their maximum age");
    }
}
