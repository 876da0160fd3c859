using OpenC3.Api.Infrastructure;

namespace OpenC3.Api.Job;

/// <summary>Machines, accounts, recipients, tokens, files, small applications, project status, release and vv.</summary>
public static class JobResourceApis
{
    public static RouteGroupBuilder MapJobResourceApis(this RouteGroupBuilder job)
    {
        job.MapNodeListApi();
        job.MapNodeInfoApi(Points.JobRead);
        job.MapUserListApi();
        job.MapNotifyApi();
        job.MapTokenApi();
        job.MapFileServerApi();
        job.MapSmallApplicationApi();
        job.MapProjectApi();
        job.MapVvApi();
        job.MapReleaseApi();
        return job;
    }
}
