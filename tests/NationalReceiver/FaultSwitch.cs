namespace ScanPoint.NationalReceiver;

/// <summary>The faults in force (replaced whole at run time) and how often each was injected.</summary>
public sealed class FaultSwitch(FaultOptions initial)
{
    private FaultOptions _current = initial;
    private long _failed;
    private long _slowed;
    private long _refused;

    public FaultOptions Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value);
    }

    public long Failed => Interlocked.Read(ref _failed);

    public long Slowed => Interlocked.Read(ref _slowed);

    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>The fault for one intake request: 500 before or after storing, slow answer, or none.</summary>
    public Fault Roll()
    {
        var faults = Current;
        var roll = Random.Shared.Next(100);
        if (roll < faults.FailPercent)
        {
            Interlocked.Increment(ref _failed);
            return roll % 2 == 0 ? Fault.FailBeforeStoring : Fault.FailAfterStoring;
        }

        if (roll < faults.FailPercent + faults.SlowPercent)
        {
            Interlocked.Increment(ref _slowed);
            return Fault.Slow;
        }

        return Fault.None;
    }

    public bool RefuseConnection()
    {
        if (!Current.Refuse)
        {
            return false;
        }

        Interlocked.Increment(ref _refused);
        return true;
    }
}

public enum Fault
{
    None,
    FailBeforeStoring,
    FailAfterStoring,
    Slow,
}
