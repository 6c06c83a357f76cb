namespace ScanPoint.Contracts.Devices;

/// <summary>POSTed by a kiosk to the enrolment endpoint: the ticket's <c>{codeId}.{secret}</c> and a PEM CSR for its P-256 key.</summary>
public sealed record EnrolmentRequest(string Code, string Csr);
