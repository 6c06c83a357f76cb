namespace ScanPoint.Contracts.Devices;

/// <summary>POSTed by an enrolled kiosk, over TLS with its current certificate, to get a fresh one for the key in the CSR.</summary>
public sealed record RenewalRequest(string Csr);
