namespace OpenC3.Grains.Abstractions.Files;

/// <summary>An upload written to the store's staging folder, not yet visible under its SHA-256 (the md5 is what the wire shows).</summary>
public sealed record StagedBlob(string TempPath, string Md5, string Sha256, long Size);
