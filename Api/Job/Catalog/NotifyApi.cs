using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>`/notify`: who is told about a node's finished tasks (`_` = whoever started the task).</summary>
public static class NotifyApi
{
    private const string UserPattern = @"^[a-zA-Z0-9\.\@_\-]+$";

    public static RouteGroupBuilder MapNotifyApi(this RouteGroupBuilder job)
    {
        job.MapGet("/notify/{treeid}", List).RequireProjectPoint(Points.JobRead);
        job.MapPost("/notify/{treeid}", Add).RequireProjectPoint(Points.JobWrite);
        job.MapDelete("/notify/{treeid}/{id}", Delete).RequireProjectPoint(Points.JobDelete);
        return job;
    }

    private static async Task<IResult> List(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var recipients = await grains.GetGrain<INotifyRecipientGrain>(0).List(treeId);
        return Reply.Ok(recipients.Select(r => new { id = r.Id, user = r.User, create_user = r.CreateUser, create_time = r.CreateTime }));
    }

    private static Task<IResult> Add(HttpContext context, IGrainFactory grains) =>
        ResourceRoutes.AddValueAsync<INotifyRecipientGrain>(context, grains, ("user", UserPattern, 200), "ADD NOTIFY", "USER");

    private static Task<IResult> Delete(string id, HttpContext context, IGrainFactory grains) =>
        ResourceRoutes.DeleteRowAsync<INotifyRecipientGrain>(context, grains, id, "DEL NOTIFY", "USER");
}
