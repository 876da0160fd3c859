using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>`/variable/:treeid`: a job's variables (defaults of `$name` references and special switches).</summary>
public static class VariablesApi
{
    private const string UuidPattern = "^[a-zA-Z0-9]+$";
    private const string NamePattern = "^[a-zA-Z0-9_]+$";
    private const string ValuePattern = @"^[a-zA-Z0-9_\.\/\-,@]*$";
    private const string BulkOptionPattern = @"^[a-zA-Z0-9_\.\/\-,@;]*$";
    private const int MaxNameLength = 200;

    public static RouteGroupBuilder MapVariablesApi(this RouteGroupBuilder job)
    {
        job.MapGet("/variable/{treeid}/{jobuuid}", List).RequirePoint(Points.JobRead);
        job.MapPost("/variable/{treeid}", Set).RequirePoint(Points.JobWrite);
        job.MapPost("/variable/{treeid}/update", Update).RequirePoint(Points.JobWrite);
        job.MapDelete("/variable/{treeid}", Delete).RequirePoint(Points.JobDelete);
        job.MapGet("/variable/{treeid}/{jobuuid}/token", UpdateToken).RequirePoint(Points.JobRoot);
        job.MapMethods("/variable/update/{treeid}/{jobuuid}/{token}/{name}/{option}", ["GET", "POST"], UpdateWithToken)
            .NoLogin("the token in the path (an HMAC of node, job and variable under a server key) is the credential, checked in the handler");
        job.MapDelete("/variable/byid/{jobid}", DeleteOfJobId).RequireGlobalPoint(Points.JobRoot);
        return job;
    }

    private static IJobVariablesGrain Variables(IGrainFactory grains) => grains.GetGrain<IJobVariablesGrain>(0);

    private static async Task<IResult> List(string jobuuid, HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = (await RequestParams.ReadAsync(context.Request)).With("jobuuid", jobuuid);
        var check = new Check(input).Required("jobuuid", UuidPattern).Optional("empty", @"^\d+$").Optional("exclude", "^[a-zA-Z0-9,_]+$")
            .OptionalIn("env", "test", "online");
        if (check.Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var exclude = (input.Text("exclude") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var variables = await Variables(grains).List(treeId, jobuuid, new VariableQuery(PerlTruth.IsTrue(input, "empty"), exclude, input.Text("env")));
        return Reply.Ok(variables.Select(v => new
        {
            id = v.Id, name = v.Name, value = v.Value, describe = v.Describe, option = v.Option, create_user = v.CreateUser, create_time = v.CreateTime,
        }));
    }

    /// <summary>Replaces one variable; `data` counts rows as MySQL's REPLACE does (1 new, 2 replaced).</summary>
    private static async Task<IResult> Set(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = await RequestParams.ReadAsync(context.Request);
        var check = new Check(input).Required("jobuuid", UuidPattern);
        if (VariableOf(check, input, ValuePattern) is not { } variable)
        {
            return Reply.Fail(check.Failure!);
        }

        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, "UPDATE JOB VARIABLE", $"TREEID:{treeId} NAME:{variable.Name}");
        var rows = await Variables(grains).Replace(treeId, input.Text("jobuuid")!, variable, caller.User);
        return rows > 0 ? Reply.Ok(rows) : Reply.Fail("no update anything:0E0");
    }

    /// <summary>
    /// Bulk edit from the start dialog: special names (`_exit_`, `_authorization_`, `_pip_`, `wk_*` …) are
    /// created or replaced, other names only update variables the steps already made. All items are checked
    /// before any is written.
    /// </summary>
    private static async Task<IResult> Update(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).Required("jobuuid", UuidPattern).Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        if (!input.Values.TryGetValue("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            return Reply.Fail("no data in ARRAY");
        }

        var variables = new List<VariableInput>();
        foreach (var item in data.EnumerateArray())
        {
            var fields = RequestParams.FromObject(item);
            var check = new Check(fields);
            if (VariableOf(check, fields, BulkOptionPattern) is not { } variable)
            {
                return Reply.Fail($"check data format fail {check.Reason}");
            }

            variables.Add(variable);
        }

        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, "UPDATE JOB VARIABLE", $"TREEID:{treeId} JOBUUID:{input.Text("jobuuid")}");
        return await Variables(grains).Update(treeId, input.Text("jobuuid")!, variables, caller.User)
            ? Results.Json(new { stat = true }, Reply.Json)
            : Reply.Fail("no uuid from project");
    }

    private static async Task<IResult> Delete(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).Required("jobuuid", UuidPattern).Required("name", NamePattern).Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, "DELETE JOB VARIABLE", $"TREEID:{treeId} JOBUUID:{input.Text("jobuuid")} NAME:{input.Text("name")}");
        return await Variables(grains).Delete(treeId, input.Text("jobuuid")!, input.Text("name")!) > 0
            ? Reply.Ok(true)
            : Reply.Fail($"no variable {input.Text("name")} in job {input.Text("jobuuid")} of tree node {treeId}");
    }

    /// <summary>`edit.controller.js` `getVarToken`: `data` is the token the page builds the variable's update link with (admins only, as upstream).</summary>
    private static async Task<IResult> UpdateToken(string jobuuid, HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = (await RequestParams.ReadAsync(context.Request)).With("jobuuid", jobuuid);
        if (new Check(input).Required("jobuuid", UuidPattern).Optional("name", "^[a-zA-Z0-9,_]+$").Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        return Reply.Ok(await Variables(grains).UpdateToken(treeId, jobuuid, input.Text("name") ?? string.Empty));
    }

    /// <summary>
    /// The link `edit.controller.js` builds from <see cref="UpdateToken"/>: another system sets the variable's option
    /// list (or, with `updatevalue=1`, its value) without a login. Answers `{stat:true}` as upstream.
    /// </summary>
    private static async Task<IResult> UpdateWithToken(string treeid, string jobuuid, string token, string name, string option, HttpContext context, IGrainFactory grains)
    {
        var input = (await RequestParams.ReadAsync(context.Request)).With("treeid", treeid).With("jobuuid", jobuuid).With("token", token).With("name", name).With("option", option);
        var failure = new Check(input).Required("treeid", @"^\d+$").Required("jobuuid", UuidPattern).Required("token", "^[0-9a-f]{64}$")
            .Required("name", "^[a-zA-Z0-9,_]{1,200}$").Required("option", @"^[a-zA-Z0-9,_\.\-@]{1,1000}$").Optional("updatevalue", @"^\d+$").Failure;
        if (failure is not null || TreeIds.TryParse(treeid) is not { } treeId)
        {
            return Reply.Fail(failure ?? TreeIds.FormatError("treeid"));
        }

        var expected = await Variables(grains).UpdateToken(treeId, jobuuid, name);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(token)))
        {
            return Reply.Fail("token error");
        }

        var asValue = PerlTruth.IsTrue(input, "updatevalue");
        await AuditTrail.RecordAsync(grains, Caller.ForUser("variable-token"), "UPDATE JOB VARIABLE", $"TREEID:{treeId} JOBUUID:{jobuuid} NAME:{name} {(asValue ? "VALUE" : "OPTION")}:{option}");
        await Variables(grains).SetOption(treeId, jobuuid, name, option, asValue);
        return Results.Json(new { stat = true }, Reply.Json);
    }

    /// <summary>`smallapplication/edit.controller.js`: drops `_authorization_` of the application's job by the job's row id.</summary>
    private static async Task<IResult> DeleteOfJobId(string jobid, HttpContext context, IGrainFactory grains)
    {
        var input = (await RequestParams.ReadAsync(context.Request)).With("jobid", jobid);
        if (new Check(input).Required("jobid", @"^\d{1,18}$").Required("name", NamePattern).Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, "DELETE JOB VARIABLE", $"JOBID:{jobid} NAME:{input.Text("name")}");
        return Reply.Ok(await Variables(grains).DeleteOfJobId(long.Parse(jobid, System.Globalization.CultureInfo.InvariantCulture), input.Text("name")!));
    }

    /// <summary>name, value, describe, option checked in upstream's order; null when <paramref name="check"/> failed.</summary>
    private static VariableInput? VariableOf(Check check, RequestParams fields, string optionPattern)
    {
        check.Required("name", NamePattern).MaxLength("name", MaxNameLength).Optional("value", ValuePattern).NoQuote("describe", required: true)
            .Optional("option", optionPattern);
        return check.Failure is null
            ? new VariableInput(fields.Text("name")!, fields.Text("value") ?? string.Empty, fields.Text("describe")!, fields.Text("option") ?? string.Empty)
            : null;
    }
}
