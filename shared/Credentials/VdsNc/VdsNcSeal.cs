using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.VdsNc;

/// <summary>A parsed seal: the signed <c>data</c>, its JCS bytes, the algorithm, the signer certificate and the raw signature.</summary>
internal sealed record VdsNcSeal(JsonObject Data, byte[] Canonical, string Algorithm, X509Certificate2 Signer, byte[] Signature);
