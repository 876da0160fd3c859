namespace OpenC3.Grains.Files;

/// <summary>An upload written to the store's staging folder, not yet visible under its md5.</summary>
public sealed record StagedBlob(string TempPath, string Md5, long Size);
