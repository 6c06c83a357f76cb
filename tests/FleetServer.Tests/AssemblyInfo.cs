using System.Runtime.Versioning;

// The fleet server is deployed on Linux; its tests check Unix file modes.
[assembly: SupportedOSPlatform("linux")]
