using System.Runtime.Versioning;

// The kiosk and its tests run on Linux.
[assembly: SupportedOSPlatform("linux")]
