using System.Collections;
using System.Reflection;
using LiteDB.Engine;

namespace ScanPoint.Kiosk.Outbox;

/// <summary>
/// After a disk failure LiteDB 5.0 can leave transactions undisposed (its close stops at the first one that
/// throws). Their finalizers then throw on the finalizer thread and take the whole process down — the kiosk must
/// survive a failed disk and keep scanning. Before an engine that failed is let go, this suppresses the finalizers
/// of every transaction it still tracks. Reached by reflection; LiteDB is pinned at 5.0.20.
/// </summary>
internal static class LiteDbTransactionFinalizers
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    public static void Suppress(LiteEngine engine)
    {
        var monitor = typeof(LiteEngine).GetField("_monitor", Instance)?.GetValue(engine);
        if (monitor?.GetType().GetField("_transactions", Instance)?.GetValue(monitor) is not IDictionary transactions)
        {
            return;
        }

        lock (transactions)
        {
            foreach (var transaction in transactions.Values)
            {
#pragma warning disable CA1816 // deliberately on LiteDB's objects, not ours: see the summary
                GC.SuppressFinalize(transaction);
#pragma warning restore CA1816
            }
        }
    }
}
