using System.Runtime.Versioning;

// Drivers for the kiosk's Linux devices: evdev, V4L2, serial ports, and the zxing-cpp shim (a Linux .so).
[assembly: SupportedOSPlatform("linux")]
