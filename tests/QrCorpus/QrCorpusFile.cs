namespace ScanPoint.QrCorpus;

/// <summary>A sample written to disk by <see cref="QrCorpusWriter"/>.</summary>
public sealed record QrCorpusFile(string Path, QrSample Sample);
