using ScanPoint.Hardware.Hid;
using ScanPoint.TestKit;

namespace ScanPoint.Hardware.Tests.Hid;

public sealed class UsbEventDeviceLocatorTests
{
    [Fact]
    public void Find_MatchingIds_ReturnsTheLowestEventNode()
    {
        using var sys = new TempDirectory("sysfs");
        AddNode(sys, "event2", "046d", "c31c");
        AddNode(sys, "event11", "05e0", "1200");
        AddNode(sys, "event7", "05e0", "1200");
        Directory.CreateDirectory(sys.File("mouse0"));
        var locator = new UsbEventDeviceLocator(sys.Path, "/dev/input");

        Assert.Equal("/dev/input/event7", locator.Find(0x05e0, 0x1200));
        Assert.Equal("/dev/input/event2", locator.Find(0x046d, 0xc31c));
        Assert.Null(locator.Find(0x0c2e, 0x0b61));
    }

    [Fact]
    public void Find_NoSysfs_ReturnsNull()
    {
        Assert.Null(new UsbEventDeviceLocator("/nonexistent/sys/class/input").Find(1, 2));
    }

    private static void AddNode(TempDirectory sys, string name, string vendor, string product)
    {
        var id = Directory.CreateDirectory(Path.Combine(sys.Path, name, "device", "id")).FullName;
        File.WriteAllText(Path.Combine(id, "vendor"), vendor + "\n");
        File.WriteAllText(Path.Combine(id, "product"), product + "\n");
    }
}
