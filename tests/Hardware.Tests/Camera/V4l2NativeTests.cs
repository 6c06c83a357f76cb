using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ScanPoint.Hardware.Camera;
using ScanPoint.TestKit;

namespace ScanPoint.Hardware.Tests.Camera;

/// <summary>Every ioctl number, struct size, field offset and constant the managed V4L2 capture uses, checked by gcc.</summary>
public sealed class V4l2NativeTests
{
    private const string Program = """
        #include <stddef.h>
        #include <stdio.h>
        #include <errno.h>
        #include <fcntl.h>
        #include <poll.h>
        #include <sys/mman.h>
        #include <sys/ioctl.h>
        #include <linux/videodev2.h>
        #define P(name, value) printf("%s %llu\n", name, (unsigned long long)(value))
        #define S(type) P("sizeof " #type, sizeof(struct type))
        #define O(type, field) P("offsetof " #type "." #field, offsetof(struct type, field))
        int main(void) {
            P("VIDIOC_QUERYCAP", VIDIOC_QUERYCAP); P("VIDIOC_S_FMT", VIDIOC_S_FMT); P("VIDIOC_REQBUFS", VIDIOC_REQBUFS);
            P("VIDIOC_QUERYBUF", VIDIOC_QUERYBUF); P("VIDIOC_QBUF", VIDIOC_QBUF); P("VIDIOC_DQBUF", VIDIOC_DQBUF);
            P("VIDIOC_STREAMON", VIDIOC_STREAMON); P("VIDIOC_STREAMOFF", VIDIOC_STREAMOFF);
            S(v4l2_capability); O(v4l2_capability, driver); O(v4l2_capability, card); O(v4l2_capability, version);
            O(v4l2_capability, capabilities); O(v4l2_capability, device_caps);
            S(v4l2_format); O(v4l2_format, type); O(v4l2_format, fmt.pix.width); O(v4l2_format, fmt.pix.height);
            O(v4l2_format, fmt.pix.pixelformat); O(v4l2_format, fmt.pix.field); O(v4l2_format, fmt.pix.bytesperline);
            O(v4l2_format, fmt.pix.sizeimage);
            S(v4l2_requestbuffers); O(v4l2_requestbuffers, count); O(v4l2_requestbuffers, type); O(v4l2_requestbuffers, memory);
            S(v4l2_buffer); O(v4l2_buffer, index); O(v4l2_buffer, type); O(v4l2_buffer, bytesused); O(v4l2_buffer, flags);
            O(v4l2_buffer, field); O(v4l2_buffer, sequence); O(v4l2_buffer, memory); O(v4l2_buffer, m.offset); O(v4l2_buffer, length);
            S(pollfd); O(pollfd, fd); O(pollfd, events); O(pollfd, revents);
            P("V4L2_BUF_TYPE_VIDEO_CAPTURE", V4L2_BUF_TYPE_VIDEO_CAPTURE); P("V4L2_MEMORY_MMAP", V4L2_MEMORY_MMAP);
            P("V4L2_FIELD_NONE", V4L2_FIELD_NONE); P("V4L2_CAP_VIDEO_CAPTURE", V4L2_CAP_VIDEO_CAPTURE);
            P("V4L2_CAP_STREAMING", V4L2_CAP_STREAMING); P("V4L2_CAP_DEVICE_CAPS", V4L2_CAP_DEVICE_CAPS);
            P("V4L2_BUF_FLAG_ERROR", V4L2_BUF_FLAG_ERROR); P("V4L2_PIX_FMT_YUYV", V4L2_PIX_FMT_YUYV); P("V4L2_PIX_FMT_GREY", V4L2_PIX_FMT_GREY);
            P("O_RDWR", O_RDWR); P("O_NONBLOCK", O_NONBLOCK); P("O_CLOEXEC", O_CLOEXEC); P("PROT_READ", PROT_READ);
            P("PROT_WRITE", PROT_WRITE); P("MAP_SHARED", MAP_SHARED); P("POLLIN", POLLIN);
            P("EINTR", EINTR); P("EAGAIN", EAGAIN); P("ENOENT", ENOENT); P("EACCES", EACCES); P("EINVAL", EINVAL);
            return 0;
        }
        """;

    [GccFact]
    public async Task Abi_MatchesKernelHeaders()
    {
        var expected = await KernelValuesAsync();

        var mismatches = Managed()
            .Where(pair => !expected.TryGetValue(pair.Key, out var value) || value != pair.Value)
            .Select(pair => $"{pair.Key}: managed {pair.Value}, headers {(expected.TryGetValue(pair.Key, out var v) ? v : "missing")}")
            .ToList();

        Assert.Empty(mismatches);
        Assert.Equal(expected.Count, Managed().Count);
    }

    private static unsafe Dictionary<string, ulong> Managed()
    {
        static ulong Offset<T>(string field) => (ulong)Marshal.OffsetOf<T>(field);
        return new Dictionary<string, ulong>(StringComparer.Ordinal)
        {
            ["VIDIOC_QUERYCAP"] = V4l2Native.VidiocQuerycap,
            ["VIDIOC_S_FMT"] = V4l2Native.VidiocSFmt,
            ["VIDIOC_REQBUFS"] = V4l2Native.VidiocReqbufs,
            ["VIDIOC_QUERYBUF"] = V4l2Native.VidiocQuerybuf,
            ["VIDIOC_QBUF"] = V4l2Native.VidiocQbuf,
            ["VIDIOC_DQBUF"] = V4l2Native.VidiocDqbuf,
            ["VIDIOC_STREAMON"] = V4l2Native.VidiocStreamon,
            ["VIDIOC_STREAMOFF"] = V4l2Native.VidiocStreamoff,
            ["sizeof v4l2_capability"] = (ulong)sizeof(V4l2Native.Capability),
            ["offsetof v4l2_capability.driver"] = Offset<V4l2Native.Capability>("Driver"),
            ["offsetof v4l2_capability.card"] = Offset<V4l2Native.Capability>("Card"),
            ["offsetof v4l2_capability.version"] = Offset<V4l2Native.Capability>("Version"),
            ["offsetof v4l2_capability.capabilities"] = Offset<V4l2Native.Capability>("Capabilities"),
            ["offsetof v4l2_capability.device_caps"] = Offset<V4l2Native.Capability>("DeviceCaps"),
            ["sizeof v4l2_format"] = (ulong)sizeof(V4l2Native.Format),
            ["offsetof v4l2_format.type"] = Offset<V4l2Native.Format>("Type"),
            ["offsetof v4l2_format.fmt.pix.width"] = Offset<V4l2Native.Format>("Width"),
            ["offsetof v4l2_format.fmt.pix.height"] = Offset<V4l2Native.Format>("Height"),
            ["offsetof v4l2_format.fmt.pix.pixelformat"] = Offset<V4l2Native.Format>("PixelFormat"),
            ["offsetof v4l2_format.fmt.pix.field"] = Offset<V4l2Native.Format>("Field"),
            ["offsetof v4l2_format.fmt.pix.bytesperline"] = Offset<V4l2Native.Format>("BytesPerLine"),
            ["offsetof v4l2_format.fmt.pix.sizeimage"] = Offset<V4l2Native.Format>("SizeImage"),
            ["sizeof v4l2_requestbuffers"] = (ulong)sizeof(V4l2Native.RequestBuffers),
            ["offsetof v4l2_requestbuffers.count"] = Offset<V4l2Native.RequestBuffers>("Count"),
            ["offsetof v4l2_requestbuffers.type"] = Offset<V4l2Native.RequestBuffers>("Type"),
            ["offsetof v4l2_requestbuffers.memory"] = Offset<V4l2Native.RequestBuffers>("Memory"),
            ["sizeof v4l2_buffer"] = (ulong)sizeof(V4l2Native.BufferDescriptor),
            ["offsetof v4l2_buffer.index"] = Offset<V4l2Native.BufferDescriptor>("Index"),
            ["offsetof v4l2_buffer.type"] = Offset<V4l2Native.BufferDescriptor>("Type"),
            ["offsetof v4l2_buffer.bytesused"] = Offset<V4l2Native.BufferDescriptor>("BytesUsed"),
            ["offsetof v4l2_buffer.flags"] = Offset<V4l2Native.BufferDescriptor>("Flags"),
            ["offsetof v4l2_buffer.field"] = Offset<V4l2Native.BufferDescriptor>("Field"),
            ["offsetof v4l2_buffer.sequence"] = Offset<V4l2Native.BufferDescriptor>("Sequence"),
            ["offsetof v4l2_buffer.memory"] = Offset<V4l2Native.BufferDescriptor>("Memory"),
            ["offsetof v4l2_buffer.m.offset"] = Offset<V4l2Native.BufferDescriptor>("Offset"),
            ["offsetof v4l2_buffer.length"] = Offset<V4l2Native.BufferDescriptor>("Length"),
            ["sizeof pollfd"] = (ulong)sizeof(V4l2Native.PollFd),
            ["offsetof pollfd.fd"] = Offset<V4l2Native.PollFd>("Fd"),
            ["offsetof pollfd.events"] = Offset<V4l2Native.PollFd>("Events"),
            ["offsetof pollfd.revents"] = Offset<V4l2Native.PollFd>("Revents"),
            ["V4L2_BUF_TYPE_VIDEO_CAPTURE"] = V4l2Native.BufTypeVideoCapture,
            ["V4L2_MEMORY_MMAP"] = V4l2Native.MemoryMmap,
            ["V4L2_FIELD_NONE"] = V4l2Native.FieldNone,
            ["V4L2_CAP_VIDEO_CAPTURE"] = V4l2Native.CapVideoCapture,
            ["V4L2_CAP_STREAMING"] = V4l2Native.CapStreaming,
            ["V4L2_CAP_DEVICE_CAPS"] = V4l2Native.CapDeviceCaps,
            ["V4L2_BUF_FLAG_ERROR"] = V4l2Native.BufFlagError,
            ["V4L2_PIX_FMT_YUYV"] = V4l2Native.PixFmtYuyv,
            ["V4L2_PIX_FMT_GREY"] = V4l2Native.PixFmtGrey,
            ["O_RDWR"] = V4l2Native.ORdWr,
            ["O_NONBLOCK"] = V4l2Native.ONonBlock,
            ["O_CLOEXEC"] = V4l2Native.OCloExec,
            ["PROT_READ"] = V4l2Native.ProtRead,
            ["PROT_WRITE"] = V4l2Native.ProtWrite,
            ["MAP_SHARED"] = V4l2Native.MapShared,
            ["POLLIN"] = (ulong)V4l2Native.PollIn,
            ["EINTR"] = V4l2Native.EIntr,
            ["EAGAIN"] = V4l2Native.EAgain,
            ["ENOENT"] = V4l2Native.ENoEnt,
            ["EACCES"] = V4l2Native.EAcces,
            ["EINVAL"] = V4l2Native.EInval,
        };
    }

    private static async Task<Dictionary<string, ulong>> KernelValuesAsync()
    {
        using var temp = new TempDirectory("v4l2abi");
        await File.WriteAllTextAsync(temp.File("abi.c"), Program);
        await RunAsync(GccFactAttribute.Gcc!, $"-Wall -Werror -o {temp.File("abi")} {temp.File("abi.c")}");
        var output = await RunAsync(temp.File("abi"), "");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ') is var parts ? (Name: string.Join(' ', parts[..^1]), Value: ulong.Parse(parts[^1], CultureInfo.InvariantCulture)) : default)
            .ToDictionary(pair => pair.Name, pair => pair.Value, StringComparer.Ordinal);
    }

    private static async Task<string> RunAsync(string file, string arguments)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{file} {arguments} exited {process.ExitCode}: {await error}");
        return await output;
    }
}
