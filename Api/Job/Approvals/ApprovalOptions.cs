namespace OpenC3.Api.Job;

/// <summary>`Approval:*` — how hard the no-login approval routes make guessing a row uuid.</summary>
public sealed class ApprovalOptions
{
    public const string Section = "Approval";

    /// <summary>Unknown or malformed row uuids one client address may present within <see cref="GuessWindow"/> before it is refused.</summary>
    public int GuessLimit { get; set; } = 20;

    public TimeSpan GuessWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Client addresses counted one by one; when that many are inside their window, any further address shares one count.</summary>
    public int GuessTrackedAddresses { get; set; } = 10_000;
}
