using System.Text;
using ScanPoint.Contracts.CheckIns;
using ScanPoint.Contracts.Wire;

namespace ScanPoint.Contracts.Tests;

/// <summary>The optional subject of a check-in on the wire: round trip, bounds, and batches from before it existed.</summary>
public class CheckInSubjectWireTests
{
    private static readonly CheckInRecorded Sample = new("01JNQ0000000000000000000AA", 7, "kiosk-1", "site-1", new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(7)), CodeFormats.CitizenId, VerdictCodes.Unverified, "abc");

    private static readonly CheckInSubject Subject = new(new string('k', 43), "Nguyễn Văn Đức", "1990-05-01", new string('i', 43));

    [Fact]
    public void TryDecode_BatchWithSubject_RoundTrips()
    {
        var batch = new CheckInsRecorded(CheckInsRecorded.SchemaVersion, "kiosk-1", [Sample with { Subject = Subject }, Sample with { Seq = 8 }]);

        Assert.True(WireJson.TryDecode(WireJson.Encode(batch), out CheckInsRecorded? decoded, out var error), error);
        Assert.Equal(batch.Items, decoded.Items);
    }

    [Fact]
    public void Encode_CheckInWithoutSubject_SameJsonAsBeforeSubjects()
    {
        var json = Encoding.UTF8.GetString(WireJson.Encode(new CheckInsRecorded(CheckInsRecorded.SchemaVersion, "kiosk-1", [Sample])));

        Assert.DoesNotContain("subject", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_CheckInWithSubject_PrintsNoPersonalField()
    {
        var text = (Sample with { Subject = Subject }).ToString();

        Assert.Contains("CheckInSubject", text, StringComparison.Ordinal);
        Assert.All(new[] { "Nguyễn", "1990", Subject.PersonKey, Subject.IdNumberHash! }, s => Assert.DoesNotContain(s, text, StringComparison.Ordinal));
    }

    [Fact]
    public void TryDecode_BatchFromBeforeSubjects_DecodesWithoutSubject()
    {
        const string Json = "{\"v\":1,\"deviceId\":\"k\",\"items\":[{\"id\":\"i\",\"seq\":1,\"deviceId\":\"k\",\"siteId\":\"s\",\"at\":\"2026-01-01T00:00:00Z\",\"format\":\"dcc\",\"verdict\":\"unverified\",\"payloadHash\":\"h\"}]}";

        Assert.True(WireJson.TryDecode(Encoding.UTF8.GetBytes(Json), out CheckInsRecorded? decoded, out var error), error);
        Assert.Null(Assert.Single(decoded.Items).Subject);
    }

    [Theory]
    [InlineData("", "N", null, null)]
    [InlineData("k", "", null, null)]
    [InlineData("k", "N", "", null)]
    [InlineData("k", "N", "1990-05-01T00", null)]
    [InlineData("k", "N", null, "")]
    public void Validate_SubjectFieldMissingOrOversized_Refused(string key, string name, string? birthDate, string? idHash)
    {
        var batch = new CheckInsRecorded(CheckInsRecorded.SchemaVersion, "kiosk-1", [Sample with { Subject = new CheckInSubject(key, name, birthDate, idHash) }]);

        Assert.Contains("subject", CheckInsValidation.Validate(batch), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NameOverBound_RefusedAndBoundedFitsAgain()
    {
        var subject = Subject with { Name = new string('A', CheckInSubject.MaxNameLength + 1), IdNumberHash = new string('i', CheckInSubject.MaxHashLength + 1) };
        var tooLong = new CheckInsRecorded(CheckInsRecorded.SchemaVersion, "kiosk-1", [Sample with { Subject = subject }]);
        var bounded = tooLong with { Items = [Sample with { Subject = subject.Bounded() }] };

        Assert.NotEqual("", CheckInsValidation.Validate(tooLong));
        Assert.Equal("", CheckInsValidation.Validate(bounded));
        Assert.Equal((CheckInSubject.MaxNameLength, null), (subject.Bounded().Name.Length, subject.Bounded().IdNumberHash));
    }
}
