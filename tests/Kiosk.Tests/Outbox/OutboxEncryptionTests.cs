using System.Security.Cryptography;
using System.Text;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Kiosk.Outbox;
using ScanPoint.TestKit;

namespace ScanPoint.Kiosk.Tests.Outbox;

/// <summary>Subjects in the outbox are AES-GCM sealed: not in the file's bytes, tied to their record, never silently lost.</summary>
public sealed class OutboxEncryptionTests : IDisposable
{
    private const string Name = "Lưu Quỳnh Hoa Xyzzyprivacy";
    private static readonly CheckInSubject Subject = new("person-key-1", Name, "1987-03-04", "id-hash-1");
    private readonly TempDirectory _dir = new("outbox-crypto");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _logs = new();

    [Fact]
    public async Task RecordAsync_WithSubject_FilesHoldNoPersonalFieldAndPeekReturnsIt()
    {
        using (var outbox = Open(OutboxCipher.ForDataDir(_dir.Path)))
        {
            var recorded = await outbox.RecordAsync(Scan(Subject), CancellationToken.None);
            Assert.Equal(Subject, recorded.Subject);
            Assert.Equal(Subject, Assert.Single(outbox.PeekPending(0, 10)).Subject);
        }

        foreach (var file in Directory.GetFiles(_dir.Path, "outbox*.db"))
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var secret in new[] { Name, "Xyzzyprivacy", "XYZZYPRIVACY", "1987-03-04", "person-key-1", "id-hash-1" })
            {
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)));
            }
        }
    }

    [Fact]
    public async Task PeekPending_WrongKey_RecordKeptReportedOthersSentAndReadableWithTheRightKey()
    {
        var key = OutboxKey.LoadOrCreate(_dir.Path);
        using (var outbox = Open(new OutboxCipher(key)))
        {
            await outbox.RecordAsync(Scan(null), CancellationToken.None);
            await outbox.RecordAsync(Scan(Subject), CancellationToken.None);
            await outbox.RecordAsync(Scan(null), CancellationToken.None);
        }

        using (var wrong = Open(new OutboxCipher(RandomNumberGenerator.GetBytes(OutboxKey.Length))))
        {
            Assert.Equal([1L, 3], wrong.PeekPending(0, 10).Select(c => c.Seq));
            Assert.Equal([1L, 3], wrong.PeekPending(0, 10).Select(c => c.Seq));
            var status = wrong.GetStatus();
            Assert.Equal((3L, 1L), (status.Pending, status.Unreadable));
        }

        var reported = Assert.Single(_logs.Entries, e => e.Id.Id == 1004);
        Assert.Equal(LogLevel.Error, reported.Level);
        Assert.Contains("seq 2", reported.Message, StringComparison.Ordinal);
        using var right = Open(new OutboxCipher(key));
        Assert.Equal(Subject, right.PeekPending(0, 10).Single(c => c.Seq == 2).Subject);
    }

    [Fact]
    public async Task PeekPending_TamperedCiphertext_RecordKeptAndReported()
    {
        var key = OutboxKey.LoadOrCreate(_dir.Path);
        using (var outbox = Open(new OutboxCipher(key)))
        {
            await outbox.RecordAsync(Scan(Subject), CancellationToken.None);
        }

        using (var db = OutboxDatabase.Open(new FileOutboxStorage(_dir.Path)))
        {
            var doc = db.Pending.FindById(1);
            var sealedSubject = doc["p"].AsBinary;
            sealedSubject[^1] ^= 0x01;
            doc["p"] = sealedSubject;
            db.Pending.Update(doc);
        }

        using var reopened = Open(new OutboxCipher(key));
        Assert.Empty(reopened.PeekPending(0, 10));
        Assert.Equal((1L, 1L), (reopened.GetStatus().Pending, reopened.GetStatus().Unreadable));
        Assert.Single(_logs.Entries, e => e.Id.Id == 1004);
    }

    [Fact]
    public void Open_SealedForAnotherRecord_Throws()
    {
        using var cipher = new OutboxCipher(RandomNumberGenerator.GetBytes(OutboxKey.Length));
        var sealedSubject = cipher.Seal(Subject, 7, "01ID7");

        Assert.Equal(Subject, cipher.Open(sealedSubject, 7, "01ID7"));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(sealedSubject, 8, "01ID7"));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(sealedSubject, 7, "01ID8"));
        Assert.NotEqual(sealedSubject, cipher.Seal(Subject, 7, "01ID7")); // a fresh nonce every time
    }

    [Fact]
    public async Task RecordAsync_SubjectWithoutKey_Refused()
    {
        using var outbox = Open(null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => outbox.RecordAsync(Scan(Subject), CancellationToken.None));
        Assert.Equal(0, outbox.GetStatus().LastSeq);
    }

    public void Dispose()
    {
        _logs.Dispose();
        _dir.Dispose();
    }

    private LiteDbCheckInOutbox Open(OutboxCipher? cipher)
    {
        var factory = LoggerFactory.Create(b => b.AddProvider(_logs));
        return new LiteDbCheckInOutbox(new FileOutboxStorage(_dir.Path), "kiosk-1", "site-1", _time, factory.CreateLogger<LiteDbCheckInOutbox>(), cipher);
    }

    private ScannedCode Scan(CheckInSubject? subject) =>
        new(_time.GetUtcNow(), CodeFormats.CitizenId, VerdictCodes.Unverified, "hash", Subject: subject);
}
