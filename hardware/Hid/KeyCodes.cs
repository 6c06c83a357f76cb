namespace ScanPoint.Hardware.Hid;

/// <summary>The evdev event types and key codes this driver reads (linux/input-event-codes.h).</summary>
internal static class KeyCodes
{
    public const ushort EvSyn = 0x00;
    public const ushort EvKey = 0x01;
    public const ushort EvMsc = 0x04;
    public const ushort MscScan = 0x04;

    public const int Released = 0;
    public const int Pressed = 1;
    public const int Repeated = 2;

    public const ushort Key1 = 2;
    public const ushort Key0 = 11;
    public const ushort Minus = 12;
    public const ushort Equal = 13;
    public const ushort Backspace = 14;
    public const ushort Tab = 15;
    public const ushort Q = 16;
    public const ushort P = 25;
    public const ushort LeftBrace = 26;
    public const ushort RightBrace = 27;
    public const ushort Enter = 28;
    public const ushort LeftCtrl = 29;
    public const ushort A = 30;
    public const ushort L = 38;
    public const ushort Semicolon = 39;
    public const ushort Apostrophe = 40;
    public const ushort Grave = 41;
    public const ushort LeftShift = 42;
    public const ushort Backslash = 43;
    public const ushort Z = 44;
    public const ushort M = 50;
    public const ushort Comma = 51;
    public const ushort Dot = 52;
    public const ushort Slash = 53;
    public const ushort RightShift = 54;
    public const ushort KpAsterisk = 55;
    public const ushort LeftAlt = 56;
    public const ushort Space = 57;
    public const ushort CapsLock = 58;
    public const ushort Kp7 = 71;
    public const ushort Kp8 = 72;
    public const ushort Kp9 = 73;
    public const ushort KpMinus = 74;
    public const ushort Kp4 = 75;
    public const ushort Kp5 = 76;
    public const ushort Kp6 = 77;
    public const ushort KpPlus = 78;
    public const ushort Kp1 = 79;
    public const ushort Kp2 = 80;
    public const ushort Kp3 = 81;
    public const ushort Kp0 = 82;
    public const ushort KpDot = 83;
    public const ushort Key102nd = 86;
    public const ushort KpEnter = 96;
    public const ushort RightCtrl = 97;
    public const ushort KpSlash = 98;
    public const ushort RightAlt = 100;
}
