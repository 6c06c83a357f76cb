using System.Globalization;

namespace ScanPoint.Hardware.Hid;

/// <summary>
/// A scan source spec cut into <c>scheme:target?key=value&amp;…</c>. Options take their keys one by one and
/// finally call <see cref="ThrowIfUnused"/>, so a misspelt key fails instead of being ignored.
/// Every error is an <see cref="ArgumentException"/> naming the bad part.
/// </summary>
internal sealed class ScanSpec
{
    private readonly Dictionary<string, string> _query = new(StringComparer.OrdinalIgnoreCase);

    private ScanSpec(string scheme, string target)
    {
        Scheme = scheme;
        Target = target;
    }

    public string Scheme { get; }

    /// <summary>The part between <c>scheme:</c> and <c>?</c>, percent-decoded.</summary>
    public string Target { get; }

    public static ScanSpec Parse(string spec, string scheme)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!spec.StartsWith(scheme + ":", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"scan source spec must start with '{scheme}:'", nameof(spec));
        }

        var rest = spec[(scheme.Length + 1)..];
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        var target = Uri.UnescapeDataString(question < 0 ? rest : rest[..question]);
        if (target.Length == 0)
        {
            throw new ArgumentException($"{scheme} spec has no device after '{scheme}:'", nameof(spec));
        }

        var parsed = new ScanSpec(scheme, target);
        if (question >= 0)
        {
            foreach (var pair in rest[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0 || !parsed._query.TryAdd(pair[..equals], Uri.UnescapeDataString(pair[(equals + 1)..])))
                {
                    throw new ArgumentException($"{scheme} spec option '{pair}' is not key=value or is repeated", nameof(spec));
                }
            }
        }

        return parsed;
    }

    public string? Take(string key) => _query.Remove(key, out var value) ? value : null;

    public int TakeInt(string key, int fallback, int min, int max)
    {
        var text = Take(key);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Bad(key, text, $"a whole number from {min} to {max}");
    }

    public bool TakeBool(string key, bool fallback)
    {
        var text = Take(key);
        return text?.ToUpperInvariant() switch
        {
            null => fallback,
            "TRUE" or "1" or "YES" or "ON" => true,
            "FALSE" or "0" or "NO" or "OFF" => false,
            _ => throw Bad(key, text, "true or false"),
        };
    }

    /// <summary>A duration such as <c>150ms</c> or <c>2s</c>; <c>off</c> or <c>0</c> is null.</summary>
    public TimeSpan? TakeDuration(string key, TimeSpan? fallback)
    {
        var text = Take(key);
        if (text is null)
        {
            return fallback;
        }

        if (text is "0" or "off")
        {
            return null;
        }

        var (number, scale) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : (string.Empty, 0.0);
        return double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0 && value * scale <= 3_600_000
            ? TimeSpan.FromMilliseconds(value * scale)
            : throw Bad(key, text, "a duration like 150ms or 2s, or off");
    }

    public ArgumentException Bad(string key, string value, string expected) =>
        new($"{Scheme} spec option {key}='{value}' is invalid: expected {expected}");

    public void ThrowIfUnused()
    {
        if (_query.Count > 0)
        {
            throw new ArgumentException($"{Scheme} spec has unknown option(s): {string.Join(", ", _query.Keys)}");
        }
    }
}
