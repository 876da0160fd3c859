using System.Text.RegularExpressions;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.Api.Connector;

/// <summary>`/useraddr`: the address book notifications resolve users through. Admin only.</summary>
public static partial class AddressBookApi
{
    private const string AddressPattern = @"^[a-zA-Z0-9\.\@_\-]+$";

    public static RouteGroupBuilder MapAddressBookApi(this RouteGroupBuilder connector)
    {
        var admin = connector.MapGroup(string.Empty).RequireGlobalPoint(Points.ConnectorRoot);
        admin.MapGet("/useraddr", List);
        admin.MapGet("/useraddr/{id}", Get);
        admin.MapPost("/useraddr", Save);
        admin.MapDelete("/useraddr/{id}", Delete);
        return connector;
    }

    private static async Task<IResult> List(IGrainFactory grains) =>
        Reply.Ok((await grains.GetGrain<IAddressBookGrain>(0).List()).Select(Shape));

    private static async Task<IResult> Get(string id, IGrainFactory grains)
    {
        if (TreeIds.TryParse(id) is not { } entryId)
        {
            return Reply.Fail(TreeIds.FormatError("id"));
        }

        return await grains.GetGrain<IAddressBookGrain>(0).Get(entryId) is { } entry ? Reply.Ok(Shape(entry)) : Reply.Fail("nofind the id");
    }

    private static async Task<IResult> Save(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        var check = new Check(input)
            .Optional("id", @"^\d+$").MaxLength("id", 18)
            .Required("user", AddressPattern).MaxLength("user", 100)
            .Required("email", AddressPattern).MaxLength("email", 200)
            .Required("phone", @"^[a-zA-Z0-9:\.\@_\-\/]+$").MaxLength("phone", 500)
            .Optional("voicemail", AddressPattern).MaxLength("voicemail", 200);
        if (check.Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var id = input.Text("id") is { } text ? long.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : (long?)null;
        var user = input.Text("user")!;
        var change = new AddressChange(id, user, input.Text("email")!, StoredPhone(input.Text("phone")!), input.Text("voicemail") ?? string.Empty);

        // Addresses are personal data and a bot hook is a credential: the audit names whose entry changed, not its contents.
        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, id is null ? "CREATE USERADDR" : "EDIT USERADDR", id is null ? $"USER:{user}" : $"ID:{id} USER:{user}");
        var error = await grains.GetGrain<IAddressBookGrain>(0).Save(change, caller.User);
        return error is null ? Reply.Info("ok") : Reply.Fail(error);
    }

    private static async Task<IResult> Delete(string id, HttpContext context, IGrainFactory grains)
    {
        if (TreeIds.TryParse(id) is not { } entryId)
        {
            return Reply.Fail(TreeIds.FormatError("id"));
        }

        var book = grains.GetGrain<IAddressBookGrain>(0);
        if (await book.Get(entryId) is not { } entry)
        {
            return Reply.Fail("nofind the id");
        }

        await AuditTrail.RecordAsync(grains, Caller.Required(context), "DELETE USERADDR", $"ID:{entryId} USER:{entry.User}");
        return await book.Delete(entryId) is null ? Reply.Fail("nofind the id") : Reply.Ok(true);
    }

    /// <summary>A Feishu bot hook given as the phone is kept as `feishu-bot:&lt;hook id&gt;`, as upstream, so the SMS exit can tell it apart.</summary>
    private static string StoredPhone(string phone) =>
        FeishuHook().Match(phone) is { Success: true } hook ? $"feishu-bot:{hook.Groups[1].Value}" : phone;

    private static object Shape(AddressEntry e) =>
        new { id = e.Id, user = e.User, email = e.Email, phone = e.Phone, edit_user = e.EditUser, edit_time = e.EditTime, voicemail = e.Voicemail };

    [GeneratedRegex(@"^https://open\.feishu\.cn/open-apis/bot/v2/hook/([a-z\d][a-z\d\-]+[a-z\d])$")]
    private static partial Regex FeishuHook();
}
