namespace ScanPoint.Contracts.Devices;

/// <summary>The fleet's answer to a renewal: the new device certificate and the CA (PEM), and the server's clock.</summary>
public sealed record RenewalResponse(string Certificate, string CaCertificate, DateTimeOffset ServerTime);
