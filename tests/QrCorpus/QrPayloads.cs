using System.Text;

namespace ScanPoint.QrCorpus;

/// <summary>
/// Realistic payloads from a seeded <see cref="Random"/>: EU DCC <c>HC1:</c> (Base45 of 200–400 random bytes, i.e.
/// 300–600 alphanumeric characters), SMART Health Card <c>shc:/</c> digits, a <c>DCL1:</c> Base45 payload of the
/// DCC-lite kind, Vietnamese UTF-8 text and short URLs. Random bytes stand in for compressed COSE: no decoder here
/// looks inside.
/// </summary>
public sealed class QrPayloads(Random random)
{
    public static readonly string[] Kinds = ["hc1", "shc", "dcl", "vi", "url"];

    private const string Base45Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng"];

    private static readonly string[] GivenNames = ["Văn An", "Thị Bích", "Đức Thắng", "Minh Châu", "Quốc Việt", "Thị Hằng"];

    public QrPayload Next(string kind) => kind switch
    {
        "hc1" => Hc1(),
        "shc" => Shc(),
        "dcl" => Dcl(),
        "vi" => Vietnamese(),
        "url" => ShortUrl(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown payload kind"),
    };

    /// <summary>The kinds in turn: the n-th payload is of kind <c>Kinds[n % 5]</c>.</summary>
    public QrPayload Cycle(int n) => Next(Kinds[n % Kinds.Length]);

    public QrPayload Hc1() => new("hc1", "HC1:" + Base45(RandomBytes(200, 400)));

    public QrPayload Shc()
    {
        // each JWS character c becomes the two digits of (c - 45); compact JWS uses base64url characters
        var length = random.Next(250, 450);
        var digits = new StringBuilder("shc:/", 5 + (2 * length));
        for (var i = 0; i < length; i++)
        {
            digits.Append(random.Next(0, 78).ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return new("shc", digits.ToString());
    }

    public QrPayload Dcl() => new("dcl", "DCL1:" + Base45(RandomBytes(60, 150)));

    public QrPayload Vietnamese()
    {
        var name = $"{FamilyNames[random.Next(FamilyNames.Length)]} {GivenNames[random.Next(GivenNames.Length)]}";
        var id = random.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new("vi", $"Họ tên: {name}; CCCD: 00{id}; Nơi cấp: Hà Nội");
    }

    public QrPayload ShortUrl()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var token = string.Create(10, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[r.Next(alphabet.Length)];
            }
        });
        return new("url", "https://scanpoint.vn/c/" + token);
    }

    /// <summary>RFC 9285 Base45.</summary>
    public static string Base45(ReadOnlySpan<byte> data)
    {
        var text = new StringBuilder(((data.Length + 1) / 2) * 3);
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            var n = (data[i] * 256) + data[i + 1];
            text.Append(Base45Alphabet[n % 45]).Append(Base45Alphabet[n / 45 % 45]).Append(Base45Alphabet[n / 2025]);
        }

        if (data.Length % 2 == 1)
        {
            var n = data[^1];
            text.Append(Base45Alphabet[n % 45]).Append(Base45Alphabet[n / 45]);
        }

        return text.ToString();
    }

    private byte[] RandomBytes(int min, int max)
    {
        var bytes = new byte[random.Next(min, max + 1)];
        random.NextBytes(bytes);
        return bytes;
    }
}
