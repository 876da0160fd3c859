namespace OpenC3.Api.Job;

/// <summary>Machines, accounts, recipients, tokens, files, small applications, project status, release and vv.</summary>
public static class JobResourceApis
{
    /// <param name="job">Routes that need login.</param>
    /// <param name="open">Routes upstream exempts from login (token upload, release).</param>
    public static RouteGroupBuilder MapJobResourceApis(this RouteGroupBuilder job, RouteGroupBuilder open) => job;
}
