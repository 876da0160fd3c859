namespace OpenC3.Api.Job;

/// <summary>Machines, accounts, recipients, tokens, files, small applications, project status, release and vv.</summary>
public static class JobResourceApis
{
    /// <param name="job">Routes that need login.</param>
    /// <param name="open">Routes upstream exempts from login (token upload, release).</param>
    public static RouteGroupBuilder MapJobResourceApis(this RouteGroupBuilder job, RouteGroupBuilder open)
    {
        job.MapNodeListApi();
        job.MapNodeInfoApi();
        job.MapUserListApi();
        job.MapNotifyApi();
        job.MapTokenApi();
        job.MapFileServerApi(open);
        job.MapSmallApplicationApi();
        job.MapProjectApi();
        job.MapVvApi();
        open.MapReleaseApi();
        return job;
    }
}
