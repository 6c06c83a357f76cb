namespace ScanPoint.Credentials.Tests.Hostile;

/// <summary>The whole hostile corpus, keyed by <see cref="HostileCase.Id"/> (format/name).</summary>
internal static class HostileCorpus
{
    private static readonly Lazy<IReadOnlyDictionary<string, HostileCase>> ById = new(() =>
        Build().ToDictionary(c => c.Id, StringComparer.Ordinal));

    public static IReadOnlyCollection<HostileCase> Cases => (IReadOnlyCollection<HostileCase>)ById.Value.Values;

    public static HostileCase Get(string id) => ById.Value[id];

    private static IEnumerable<HostileCase> Build() =>
        DccEnvelopeCases.All()
            .Concat(DccSignerCases.All())
            .Concat(DccPolicyCases.All())
            .Concat(ShcEncodingCases.All())
            .Concat(ShcJwsCases.All())
            .Concat(VdsNcCases.All())
            .Concat(DeclarationCases.All())
            .Concat(TrustBundleCases.All())
            .Concat(OversizedCases.All());
}
