using System.Runtime.Versioning;

// Reads /proc and starts Linux programs (mosquitto).
[assembly: SupportedOSPlatform("linux")]
