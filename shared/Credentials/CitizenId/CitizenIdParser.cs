using System.Globalization;
using ScanPoint.Credentials.Identity;
using ScanPoint.Credentials.Verdicts;

namespace ScanPoint.Credentials.CitizenId;

/// <summary>
/// Reads the QR on a Vietnamese citizen identity card (CCCD / căn cước):
/// <c>ID12|oldID|Full name|DDMMYYYY birth|Nam or Nữ|Address|DDMMYYYY issue</c>, or the same without the old-ID
/// field (6 fields). Checks the number (12 digits, known province, century/sex digit and birth-year digits agree with
/// the fields) and the dates. Unsigned: the result is an identity claim, never a verdict. Nothing throws.
/// </summary>
public static class CitizenIdParser
{
    public const int MaxLength = 1024;

    public static CitizenIdResult Parse(string qrText)
    {
        try
        {
            return ParseCore(qrText);
        }
        catch (Exception)
        {
            return Fail(VerdictCodes.Internal);
        }
    }

    private static CitizenIdResult ParseCore(string qrText)
    {
        if (qrText.Length > MaxLength)
        {
            return Fail(VerdictCodes.TooLarge);
        }

        var fields = qrText.Trim().Split('|');
        if (fields.Length is not (6 or 7))
        {
            return Fail(VerdictCodes.CitizenIdFormat);
        }

        var offset = fields.Length - 6;
        var id = fields[0].Trim();
        var oldId = offset == 1 ? fields[1].Trim() : "";
        var name = fields[1 + offset].Trim();
        var sexText = fields[3 + offset].Trim();
        var address = fields[4 + offset].Trim();

        if (id.Length != 12 || !id.All(char.IsAsciiDigit))
        {
            return Fail(VerdictCodes.CitizenIdNumber);
        }

        if (!(oldId.Length is 0 or 9 or 12 && oldId.All(char.IsAsciiDigit)) || name.Length == 0 || ReadSex(sexText) is not { } sex)
        {
            return Fail(VerdictCodes.CitizenIdFormat);
        }

        if (ReadDate(fields[2 + offset]) is not { } birth || ReadDate(fields[5 + offset]) is not { } issued || issued < birth)
        {
            return Fail(VerdictCodes.CitizenIdDate);
        }

        if (!NumberAgrees(id, birth, sex))
        {
            return Fail(VerdictCodes.CitizenIdNumber);
        }

        var identity = new CitizenIdentity(id, oldId.Length == 0 ? null : oldId, name, birth, sex, address, issued, id[..3]);
        return new CitizenIdResult(true, null, identity);
    }

    /// <summary>
    /// Digits 1–3: province; digit 4: century and sex (0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s, 6/7 = 2200s,
    /// 8/9 = 2300s); digits 5–6: the last two digits of the birth year.
    /// </summary>
    internal static bool NumberAgrees(string id, DateOnly birth, CitizenSex sex)
    {
        var province = ((id[0] - '0') * 100) + ((id[1] - '0') * 10) + (id[2] - '0');
        var genderCentury = id[3] - '0';
        var century = 1900 + (genderCentury / 2 * 100);
        var encodedSex = genderCentury % 2 == 0 ? CitizenSex.Male : CitizenSex.Female;
        var year = century + ((id[4] - '0') * 10) + (id[5] - '0');
        return CitizenIdProvinces.IsKnown(province) && encodedSex == sex && year == birth.Year;
    }

    private static CitizenSex? ReadSex(string text) => NameFolding.Fold(text) switch
    {
        "NAM" => CitizenSex.Male,
        "NU" => CitizenSex.Female,
        _ => null,
    };

    private static DateOnly? ReadDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), "ddMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static CitizenIdResult Fail(string code) => new(false, code, null);
}
