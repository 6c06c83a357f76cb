namespace ScanPoint.Kiosk.Commands;

/// <summary>One line of <c>kiosk selftest</c>: the check's name, pass or fail, and what was found (nothing personal).</summary>
internal sealed record SelftestCheck(string Name, bool Passed, string Detail)
{
    public static SelftestCheck Pass(string name, string detail) => new(name, true, detail);

    public static SelftestCheck Fail(string name, string detail) => new(name, false, detail);
}
