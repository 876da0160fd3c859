using System.Text.Json;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.Api.Connector;

/// <summary>
/// Messages: `/connectorx/notify` sends mail and SMS to users (modules call it as apps), the built-in
/// exits `/default/mail` and `/default/mesg` keep them, and each user reads their own inbox there.
/// Sending is for apps and connector admins, as the exits and the address book are: a message in the
/// platform's name is a trusted channel, so it reaches only known users and address-book entries.
/// </summary>
public static class MessageApi
{
    private const string AddressPattern = @"^[a-zA-Z0-9\.\@_\-]+$";
    private const int MaxRecipients = 100;
    private static readonly string[] AnyMethod = ["GET", "POST"];

    public static RouteGroupBuilder MapMessageApi(this RouteGroupBuilder connector)
    {
        connector.MapGet("/default/mail", Mails).LoginOnly("each user reads their own inbox");
        connector.MapGet("/default/mesg", Mesgs).LoginOnly("each user reads their own inbox");
        var exits = connector.MapGroup(string.Empty).RequireGlobalPoint(Points.ConnectorRoot);
        exits.MapMethods("/connectorx/notify", AnyMethod, Notify);
        exits.MapPost("/default/mail", KeepMail);
        exits.MapPost("/default/mesg", KeepMesg);
        return connector;
    }

    /// <summary>Every item is tried; failures are reported together as `Err: &lt;why&gt; [idx:N];…` (1-based), as upstream.</summary>
    private static async Task<IResult> Notify(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        if (!input.Values.TryGetValue("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            return Reply.Fail("no data");
        }

        var notifications = data.EnumerateArray().Select((item, i) => (Index: i + 1, Item: Parse(item))).ToList();
        if (notifications.Sum(n => n.Item.Notification?.To.Count ?? 0) > MaxRecipients)
        {
            return Reply.Fail($"too many recipients, at most {MaxRecipients} in one request");
        }

        var summary = string.Join("; ", notifications.Select(n => n.Item.Notification).OfType<Notification>().Select(n => $"{n.Channel.ToString().ToUpperInvariant()} TO:{string.Join(',', n.To)}"));
        await AuditTrail.RecordAsync(grains, Caller.Required(context), "NOTIFY", summary.Length > 0 ? summary : "_");

        var messages = grains.GetGrain<IMessageGrain>(0);
        var errors = new List<string>();
        foreach (var (itemIndex, (notification, error)) in notifications)
        {
            if (error is not null)
            {
                errors.Add($"{error} [idx:{itemIndex}]");
            }
            else if (await messages.NotifyKnownRecipients(notification!) is { } failure)
            {
                errors.Add($"run plugin fail: {failure} [idx:{itemIndex}]");
            }
        }

        return errors.Count == 0 ? Reply.Info("ok") : Reply.Fail($"Err: {string.Join(';', errors)}");
    }

    /// <summary>`{type: email|sms, to: [users] or "a,b", title, content | mesg}`.</summary>
    private static (Notification? Notification, string? Error) Parse(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return (null, "format error");
        }

        string? Field(string name) => item.TryGetProperty(name, out var value) ? RequestParams.AsText(value) : null;
        var type = Field("type");
        NotificationChannel? channel = type switch
        {
            "email" => NotificationChannel.Email,
            "sms" => NotificationChannel.Sms,
            _ => null,
        };
        if (channel is null)
        {
            return (null, string.IsNullOrEmpty(type) ? "type undef" : $"nofind plugin {type}");
        }

        var to = !item.TryGetProperty("to", out var recipients) ? []
            : recipients.ValueKind == JsonValueKind.Array ? recipients.EnumerateArray().Select(RequestParams.AsText).OfType<string>().ToList()
            : (RequestParams.AsText(recipients) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return (new Notification(channel.Value, to, Field("title"), Field("content"), Field("mesg")), null);
    }

    private static async Task<IResult> Mails(HttpContext context, IGrainFactory grains) =>
        Reply.Ok((await grains.GetGrain<IMessageGrain>(0).Mails(Caller.Required(context).User)).Select(m => new { time = m.Time, title = m.Title, content = m.Content }));

    private static async Task<IResult> Mesgs(HttpContext context, IGrainFactory grains) =>
        Reply.Ok((await grains.GetGrain<IMessageGrain>(0).Mesgs(Caller.Required(context).User)).Select(m => new { time = m.Time, mesg = m.Mesg }));

    private static async Task<IResult> KeepMail(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).Required("user", AddressPattern).MaxLength("user", 200).Required("title", ".+").Required("content", ".+").Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        await AuditTrail.RecordAsync(grains, Caller.Required(context), "SEND MAIL", $"USER:{input.Text("user")} TITLE:{input.Text("title")}");
        await grains.GetGrain<IMessageGrain>(0).KeepMail(input.Text("user")!, input.Text("title")!, input.Text("content")!);
        return Reply.Info("ok");
    }

    private static async Task<IResult> KeepMesg(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).Required("user", AddressPattern).MaxLength("user", 500).Required("mesg", ".+").Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        await AuditTrail.RecordAsync(grains, Caller.Required(context), "SEND MESG", $"USER:{input.Text("user")}");
        await grains.GetGrain<IMessageGrain>(0).KeepMesg(input.Text("user")!, input.Text("mesg")!);
        return Reply.Info("ok");
    }
}
