namespace ScanPoint.Contracts.Devices;

/// <summary>
/// A kiosk's presence on its retained <c>…/state</c> topic: <c>online</c> (its birth, published on connect),
/// <c>offline</c> (published before a graceful stop) or <c>lost</c> (its last will, published by the broker when the
/// connection dies). <see cref="Boot"/> counts the kiosk's starts, so a late will of an earlier boot cannot overwrite a
/// newer birth.
/// </summary>
public sealed record PresenceChanged(int V, string State, long Boot, DateTimeOffset At)
{
    public const int SchemaVersion = 1;
    public const string Online = "online";
    public const string Offline = "offline";
    public const string Lost = "lost";

    public static bool IsState(string? state) => state is Online or Offline or Lost;
}
