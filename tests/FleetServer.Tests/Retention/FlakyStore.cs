using System.Reflection;
using System.Runtime.ExceptionServices;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Tests.Retention;

/// <summary>An <see cref="IFleetStore"/> that forwards to a real one, counts purges, and fails them on demand.</summary>
public class FlakyStore : DispatchProxy
{
    private int _purges;

    public IFleetStore Inner { get; private set; } = null!;

    public bool Failing { get; set; }

    public int Purges => Volatile.Read(ref _purges);

    public static (IFleetStore Store, FlakyStore Control) Wrap(IFleetStore inner)
    {
        var store = Create<IFleetStore, FlakyStore>();
        var control = (FlakyStore)(object)store;
        control.Inner = inner;
        return (store, control);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IFleetStore.PurgeAsync))
        {
            Interlocked.Increment(ref _purges);
            if (Failing)
            {
                return Task.FromException<RetentionPurge>(new InvalidOperationException("the disk is on fire"));
            }
        }

        try
        {
            return targetMethod.Invoke(Inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }
}
