using System.Runtime.CompilerServices;
using ScanPoint.Hardware.Scanning;

namespace ScanPoint.Kiosk.Scanning;

/// <summary>Each line typed or piped on standard input is one scan; ends at end of input.</summary>
public sealed class StdinScanSource(TextReader input, TimeProvider time) : IScanSource
{
    public string Name => "stdin";

    public async IAsyncEnumerable<ScanEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Trim().Length > 0)
            {
                yield return new ScanEvent(Name, line, time.GetUtcNow());
            }
        }
    }
}
