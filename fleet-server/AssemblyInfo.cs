using System.Runtime.Versioning;

// The fleet server runs on Linux (Debian): Unix file modes for private keys.
[assembly: SupportedOSPlatform("linux")]
