using System.Runtime.Versioning;

// Measures the kiosk's Linux-only outbox and reads /proc and /sys.
[assembly: SupportedOSPlatform("linux")]
