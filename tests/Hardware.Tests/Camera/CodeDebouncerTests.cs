using Microsoft.Extensions.Time.Testing;
using ScanPoint.Hardware.Camera;

namespace ScanPoint.Hardware.Tests.Camera;

public sealed class CodeDebouncerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void ShouldEmit_SameCodeWithinWindow_EmitsOnce()
    {
        var debouncer = new CodeDebouncer(TimeSpan.FromSeconds(3), _time);

        Assert.True(debouncer.ShouldEmit("A"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(debouncer.ShouldEmit("A"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(debouncer.ShouldEmit("A"));
    }

    [Fact]
    public void ShouldEmit_CodeHeldLongerThanWindow_EmitsOnce()
    {
        var debouncer = new CodeDebouncer(TimeSpan.FromSeconds(3), _time);
        var emitted = 0;

        for (var i = 0; i < 20; i++)
        {
            emitted += debouncer.ShouldEmit("A") ? 1 : 0;
            _time.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.Equal(1, emitted);
    }

    [Fact]
    public void ShouldEmit_SameCodeAfterWindowSinceLastSighting_EmitsAgain()
    {
        var debouncer = new CodeDebouncer(TimeSpan.FromSeconds(3), _time);

        Assert.True(debouncer.ShouldEmit("A"));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(debouncer.ShouldEmit("A"));
        _time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(debouncer.ShouldEmit("A"));
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.True(debouncer.ShouldEmit("A"));
    }

    [Fact]
    public void ShouldEmit_DifferentCodes_EmitEach()
    {
        var debouncer = new CodeDebouncer(TimeSpan.FromSeconds(3), _time);

        Assert.True(debouncer.ShouldEmit("A"));
        Assert.True(debouncer.ShouldEmit("B"));
        Assert.False(debouncer.ShouldEmit("A"));
        Assert.False(debouncer.ShouldEmit("B"));
    }

    [Fact]
    public void ShouldEmit_ManyDistinctCodes_StaysBoundedAndEmitsNewOnes()
    {
        var debouncer = new CodeDebouncer(TimeSpan.FromMinutes(1), _time);

        for (var i = 0; i < 1000; i++)
        {
            Assert.True(debouncer.ShouldEmit($"code-{i}"));
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.False(debouncer.ShouldEmit("code-999"));
    }

    [Fact]
    public void ShouldEmit_ZeroWindow_EmitsEverySighting()
    {
        var debouncer = new CodeDebouncer(TimeSpan.Zero, _time);

        Assert.True(debouncer.ShouldEmit("A"));
        Assert.True(debouncer.ShouldEmit("A"));
    }
}
