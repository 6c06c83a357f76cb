namespace ScanPoint.Kiosk.Commands;

/// <summary>The personal fields of a code, printed only with <c>--show-subject</c>.</summary>
internal sealed record VerifySubject(string? Name, string? DateOfBirth, string? IdNumber = null);
