using System.Runtime.Versioning;

// The hardware drivers and their tests run on Linux.
[assembly: SupportedOSPlatform("linux")]
