using System.Globalization;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>
/// `/smallapplication`: light apps, a job offered as a button. Reading needs a login; changing one needs
/// `openc3_job_write` on its tree node, which on node 0 (global apps) means `openc3_job_root`.
/// </summary>
public static class SmallApplicationApi
{
    private const string Digits = @"^\d+$";

    public static RouteGroupBuilder MapSmallApplicationApi(this RouteGroupBuilder job)
    {
        job.MapGet("/smallapplication", List).LoginOnly("the application menu, shown to every user");
        job.MapGet("/smallapplication/bytreeid/{treeid}", ListOfNode).LoginOnly("the application menu of a node, shown to every user");
        job.MapGet("/smallapplication/{id}", Get).LoginOnly("one application of the menu");
        job.MapPost("/smallapplication", Create).LoginOnly("write is checked on the node named in the body");
        job.MapPost("/smallapplication/{id}", Update).LoginOnly("write is checked on the stored and the new node");
        job.MapDelete("/smallapplication/{id}", Delete).LoginOnly("write is checked on the stored node");
        return job;
    }

    private static async Task<IResult> List(IGrainFactory grains) =>
        Reply.Ok((await grains.GetGrain<ISmallApplicationGrain>(0).List(null)).Select(Shape));

    private static async Task<IResult> ListOfNode(string treeid, IGrainFactory grains) =>
        TreeIds.TryParse(treeid) is { } treeId
            ? Reply.Ok((await grains.GetGrain<ISmallApplicationGrain>(0).List(treeId)).Select(Shape))
            : Reply.Fail(TreeIds.FormatError("treeid"));

    private static async Task<IResult> Get(string id, IGrainFactory grains) =>
        TreeIds.TryParse(id) is { } appId
            ? Reply.Ok(await grains.GetGrain<ISmallApplicationGrain>(0).Get(appId) is { } app ? Shape(app) : null)
            : Reply.Fail(TreeIds.FormatError("id"));

    /// <summary>`data: 1` as upstream, and the new app's `id`.</summary>
    private static async Task<IResult> Create(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        if (Validate(input) is { } failure)
        {
            return Reply.Fail(failure);
        }

        var app = ToInput(input);
        if (!await AllowsAsync(context, app.TreeId))
        {
            return Reply.Unauthorized();
        }

        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, "CREATE SMALLAPPLICATION", $"NAME:{app.Title}");
        var created = await grains.GetGrain<ISmallApplicationGrain>(0).Create(app, caller.User);
        return created.Id is { } id ? Results.Json(new { stat = true, data = 1, id }, Reply.Json) : Reply.Fail(created.Error ?? "create failed");
    }

    private static async Task<IResult> Update(string id, HttpContext context, IGrainFactory grains)
    {
        if (TreeIds.TryParse(id) is not { } appId)
        {
            return Reply.Fail(TreeIds.FormatError("id"));
        }

        var input = await RequestParams.ReadAsync(context.Request);
        if (Validate(input) is { } failure)
        {
            return Reply.Fail(failure);
        }

        var app = ToInput(input);
        var applications = grains.GetGrain<ISmallApplicationGrain>(0);
        var existing = await applications.Get(appId);
        if (!await AllowsAsync(context, app.TreeId) || (existing is not null && !await AllowsAsync(context, existing.TreeId)))
        {
            return Reply.Unauthorized();
        }

        if (existing is null)
        {
            return Reply.Ok(0);
        }

        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, "EDIT SMALLAPPLICATION", $"NAME:{existing.Title}");
        var error = await applications.Update(appId, app, caller.User);
        return error is null ? Reply.Ok(1) : Reply.Fail(error);
    }

    private static async Task<IResult> Delete(string id, HttpContext context, IGrainFactory grains)
    {
        if (TreeIds.TryParse(id) is not { } appId)
        {
            return Reply.Fail(TreeIds.FormatError("id"));
        }

        var applications = grains.GetGrain<ISmallApplicationGrain>(0);
        var existing = await applications.Get(appId);
        if (existing is null)
        {
            return await AllowsAsync(context, "0") ? Reply.Ok(false) : Reply.Unauthorized();
        }

        if (!await AllowsAsync(context, existing.TreeId))
        {
            return Reply.Unauthorized();
        }

        await AuditTrail.RecordAsync(grains, Caller.Required(context), "DELETE SMALLAPPLICATION", $"NAME:{existing.Title}");
        return Reply.Ok(await applications.Delete(appId));
    }

    private static string? Validate(RequestParams input) =>
        new Check(input)
            .Required("jobid", Digits)
            .Optional("treeid", Digits)
            .NoQuote("type", required: true)
            .NoQuote("title", required: true)
            .NoQuote("describe", required: true)
            .NoQuote("parameter", required: true)
            .Failure
        ?? ResourceRoutes.Oversized(input, ("jobid", 18), ("treeid", 18), ("type", 100), ("title", 1000), ("describe", 1000), ("parameter", 1000));

    /// <summary>Ids are stored as their canonical digits (`007` is node 7); no treeid means the global node 0.</summary>
    private static SmallApplicationInput ToInput(RequestParams input) => new(
        Canonical(input.Text("jobid")!),
        input.Text("type")!,
        input.Text("title")!,
        input.Text("describe")!,
        input.Text("parameter")!,
        Canonical(input.Text("treeid") ?? "0"));

    private static string Canonical(string digits) => long.Parse(digits, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    private static Task<bool> AllowsAsync(HttpContext context, string treeId) =>
        context.AllowsAsync(Points.JobWrite, long.Parse(treeId, CultureInfo.InvariantCulture));

    private static object Shape(SmallApplication a) => new
    {
        id = a.Id,
        jobid = a.JobId,
        type = a.Type,
        title = a.Title,
        describe = a.Describe,
        parameter = a.Parameter,
        edit_user = a.EditUser,
        create_user = a.CreateUser,
        edit_time = a.EditTime,
        create_time = a.CreateTime,
        treeid = a.TreeId,
        projectid = a.ProjectId,
        jobname = a.JobName,
    };
}
