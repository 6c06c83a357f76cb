using System.Collections.Frozen;

namespace ScanPoint.Credentials.Shc;

/// <summary>
/// The SHC issuer allow-list: issuer URL (<c>iss</c>, compared exactly) → its trusted keys by kid, each with its
/// CRL. Built from configuration that may be broken: refused keys and CRLs are left out and listed in
/// <see cref="Problems"/> (issuer URL, code, kid — never credential data); building never throws on content.
/// </summary>
public sealed class ShcIssuerList
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, ShcIssuerKey>> _issuers;

    private ShcIssuerList(FrozenDictionary<string, FrozenDictionary<string, ShcIssuerKey>> issuers, IReadOnlyList<string> problems)
    {
        _issuers = issuers;
        Problems = problems;
    }

    public static ShcIssuerList Empty { get; } = Create([]);

    /// <summary>The allowed issuer URLs.</summary>
    public IReadOnlyCollection<string> Issuers => _issuers.Keys;

    /// <summary>What was refused while building: "&lt;issuer&gt; &lt;CODE&gt; [kid]", CODE one of JWKS, KEY, THUMBPRINT, DUPLICATE, CRL, CRL_KID.</summary>
    public IReadOnlyList<string> Problems { get; }

    public static ShcIssuerList Create(IEnumerable<ShcIssuerSource> sources)
    {
        var problems = new List<string>();
        var issuers = new Dictionary<string, Dictionary<string, ShcIssuerKey>>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (!issuers.TryGetValue(source.Issuer, out var keys))
            {
                keys = new Dictionary<string, ShcIssuerKey>(StringComparer.Ordinal);
                issuers[source.Issuer] = keys;
            }

            foreach (var key in JwksReader.Read(source.Issuer, source.JwksJson, problems))
            {
                if (!keys.TryAdd(key.Kid, key))
                {
                    problems.Add($"{source.Issuer} DUPLICATE {key.Kid}");
                }
            }

            foreach (var crlJson in source.CrlJsons ?? [])
            {
                AddRevocations(source.Issuer, keys, crlJson, problems);
            }
        }

        var frozen = issuers.ToFrozenDictionary(
            pair => pair.Key,
            pair => pair.Value.ToFrozenDictionary(StringComparer.Ordinal),
            StringComparer.Ordinal);
        return new ShcIssuerList(frozen, problems);
    }

    /// <summary>Whether <paramref name="issuer"/> is on the allow-list.</summary>
    public bool Contains(string issuer) => _issuers.ContainsKey(issuer);

    /// <summary>The trusted key <paramref name="kid"/> of <paramref name="issuer"/>, or null.</summary>
    public ShcIssuerKey? Find(string issuer, string kid) =>
        _issuers.TryGetValue(issuer, out var keys) && keys.TryGetValue(kid, out var key) ? key : null;

    private static void AddRevocations(string issuer, Dictionary<string, ShcIssuerKey> keys, string crlJson, List<string> problems)
    {
        if (ShcRevocationList.TryParse(crlJson) is not { } crl)
        {
            problems.Add($"{issuer} CRL");
        }
        else if (!keys.TryGetValue(crl.Kid, out var key))
        {
            problems.Add($"{issuer} CRL_KID {crl.Kid}");
        }
        else if (key.Revocations is null || key.Revocations.Counter < crl.Counter)
        {
            keys[crl.Kid] = key.WithRevocations(crl);
        }
    }
}
