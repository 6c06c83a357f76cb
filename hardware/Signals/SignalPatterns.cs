namespace ScanPoint.Hardware.Signals;

/// <summary>
/// The verdict patterns: accepted is green with one short beep; rejected is red with three beeps; unverifiable is
/// red with one long beep; error (the kiosk could not judge the scan) blinks red with two long beeps. Each lasts two
/// seconds, so the next person sees a dark door.
/// </summary>
public static class SignalPatterns
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(100);

    public static SignalPattern Accepted { get; } = new("accepted",
    [
        new(SignalOutputs.Green | SignalOutputs.Buzzer, TimeSpan.FromMilliseconds(150)),
        new(SignalOutputs.Green, TimeSpan.FromMilliseconds(1850)),
    ]);

    public static SignalPattern Rejected { get; } = new("rejected",
    [
        new(SignalOutputs.Red | SignalOutputs.Buzzer, Short),
        new(SignalOutputs.Red, Short),
        new(SignalOutputs.Red | SignalOutputs.Buzzer, Short),
        new(SignalOutputs.Red, Short),
        new(SignalOutputs.Red | SignalOutputs.Buzzer, Short),
        new(SignalOutputs.Red, TimeSpan.FromMilliseconds(1500)),
    ]);

    public static SignalPattern Unverifiable { get; } = new("unverifiable",
    [
        new(SignalOutputs.Red | SignalOutputs.Buzzer, TimeSpan.FromMilliseconds(800)),
        new(SignalOutputs.Red, TimeSpan.FromMilliseconds(1200)),
    ]);

    public static SignalPattern Error { get; } = new("error",
    [
        new(SignalOutputs.Red | SignalOutputs.Buzzer, TimeSpan.FromMilliseconds(400)),
        new(SignalOutputs.None, TimeSpan.FromMilliseconds(200)),
        new(SignalOutputs.Red | SignalOutputs.Buzzer, TimeSpan.FromMilliseconds(400)),
        new(SignalOutputs.None, TimeSpan.FromMilliseconds(200)),
        new(SignalOutputs.Red, TimeSpan.FromMilliseconds(800)),
    ]);

    /// <summary>A short blink of both lights and a chirp, for the technician's self-test.</summary>
    public static SignalPattern Blink { get; } = new("blink",
    [
        new(SignalOutputs.Green | SignalOutputs.Red | SignalOutputs.Buzzer, Short),
        new(SignalOutputs.Green | SignalOutputs.Red, TimeSpan.FromMilliseconds(400)),
    ]);

    public static SignalPattern For(SignalVerdict verdict) => verdict switch
    {
        SignalVerdict.Accepted => Accepted,
        SignalVerdict.Rejected => Rejected,
        SignalVerdict.Unverifiable => Unverifiable,
        _ => Error,
    };
}
