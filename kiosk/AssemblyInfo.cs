using System.Runtime.Versioning;

// The kiosk runs on Linux (Raspberry Pi OS / Debian): Unix file modes, Unix sockets, evdev.
[assembly: SupportedOSPlatform("linux")]
