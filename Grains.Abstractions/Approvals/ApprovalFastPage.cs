namespace OpenC3.Grains.Abstractions.Approvals;

/// <summary>The phone page where an approver opens their row from a message: the API serves it, the approval grain links to it.</summary>
public static class ApprovalFastPage
{
    /// <summary>The route under the job module, followed by the approval uuid.</summary>
    public const string Route = "/approval/fast/";

    /// <summary>The site-relative path a message links to, followed by the approval uuid.</summary>
    public const string Path = "/api/job" + Route;
}
