using ScanPoint.Contracts.Devices;

namespace ScanPoint.Contracts.Tests.Devices;

public sealed class EnrolmentTicketTests
{
    private const string Pin = "n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg";

    [Fact]
    public void A_ticket_round_trips_through_its_text_and_keeps_the_secret_in_the_fragment()
    {
        var ticket = EnrolmentTicket.Create(new Uri("https://fleet.example:5443/api/enrol"), Pin);

        var text = ticket.ToString();

        Assert.True(EnrolmentTicket.TryParse(text, out var parsed));
        Assert.Equal(ticket, parsed);
        Assert.StartsWith("https://fleet.example:5443/api/enrol#spe1.", text, StringComparison.Ordinal);
        Assert.Equal("/api/enrol", new Uri(text).AbsolutePath);
        Assert.True(EnrolmentTicket.TrySplitCode(ticket.Code, out var id, out var secret));
        Assert.Equal((ticket.CodeId, ticket.Secret), (id, secret));
    }

    [Fact]
    public void Two_tickets_never_share_id_or_secret()
    {
        var tickets = Enumerable.Range(0, 200).Select(_ => EnrolmentTicket.Create(new Uri("https://f/api/enrol"), Pin)).ToList();

        Assert.Equal(200, tickets.Select(t => t.CodeId).Distinct().Count());
        Assert.Equal(200, tickets.Select(t => t.Secret).Distinct().Count());
    }

    [Theory]
    [InlineData("http://fleet.example/api/enrol#spe1.abcdefghij.abcdefghijklmnopqrstuvwxyz234567." + Pin)]
    [InlineData("https://fleet.example/api/enrol#spe2.abcdefghij.abcdefghijklmnopqrstuvwxyz234567." + Pin)]
    [InlineData("https://fleet.example/api/enrol#spe1.ABCDEFGHIJ.abcdefghijklmnopqrstuvwxyz234567." + Pin)]
    [InlineData("https://fleet.example/api/enrol#spe1.abcdefghij.abcdefghijklmnopqrstuvwxyz23456." + Pin)]
    [InlineData("https://fleet.example/api/enrol#spe1.abcdefghij.abcdefghijklmnopqrstuvwxyz234567.short")]
    [InlineData("https://fleet.example/api/enrol")]
    [InlineData("spe1.abcdefghij.abcdefghijklmnopqrstuvwxyz234567")]
    [InlineData("")]
    public void Anything_else_is_not_a_ticket(string text)
    {
        Assert.False(EnrolmentTicket.TryParse(text, out _));
    }

    [Theory]
    [InlineData("abcdefghij.abcdefghijklmnopqrstuvwxyz234567", true)]
    [InlineData("abcdefghij.abcdefghijklmnopqrstuvwxyz234567.x", false)]
    [InlineData("abcdefghij", false)]
    [InlineData(null, false)]
    public void Posted_codes_split_only_when_well_formed(string? code, bool ok)
    {
        Assert.Equal(ok, EnrolmentTicket.TrySplitCode(code, out _, out _));
    }
}
