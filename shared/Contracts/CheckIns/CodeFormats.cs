namespace ScanPoint.Contracts.CheckIns;

/// <summary>Stable names of the code formats a check-in may carry.</summary>
public static class CodeFormats
{
    public const string Dcc = "dcc";
    public const string SmartHealthCard = "shc";
    public const string DeclarationPass = "dcl";
    public const string VdsNc = "vds-nc";
    public const string CitizenId = "cccd";
    public const string Unknown = "unknown";
}
