namespace ScanPoint.Kiosk.Management;

/// <summary>The kiosk's self-test, as the <c>self-test</c> command runs it: passed, and a JSON table of the checks.</summary>
internal interface ISelfTest
{
    Task<(bool Passed, string Json)> RunAsync(CancellationToken cancellationToken);
}
