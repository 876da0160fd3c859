using System.Text.Json;
using System.Text.RegularExpressions;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.Api.Connector;

/// <summary>
/// `/config`: the connector settings (see <see cref="ConnectorConfigDefaults"/> for what they are and
/// their defaults). Admin only, as upstream: settings may name other systems' endpoints and keys.
/// </summary>
public static partial class ConfigApi
{
    private const int MaxValueLength = 1000;
    private const string CurrentVersion = "current";

    public static RouteGroupBuilder MapConfigApi(this RouteGroupBuilder connector)
    {
        var admin = connector.MapGroup(string.Empty).RequireGlobalPoint(Points.ConnectorRoot);
        admin.MapGet("/config", GetConfig);
        admin.MapPost("/config", SetConfig);
        admin.MapGet("/config/list", ListConfig);
        return connector;
    }

    /// <summary>`name` picks a version of <see cref="ListConfig"/>: only `current` is kept (none means it too).</summary>
    private static async Task<IResult> GetConfig(HttpContext context, IGrainFactory grains) =>
        context.Request.Query["name"].ToString() is "" or CurrentVersion
            ? Reply.Ok(await grains.GetGrain<IConnectorConfigGrain>(0).GetAll())
            : Reply.Fail($"load config fail: only the {CurrentVersion} settings are kept");

    /// <summary>
    /// Upstream lists saved versions of the config by name (`current` and timestamps), and the web UI offers them as
    /// options whose value it reads back with `GET /config?name=` (`config.controller.js`). Settings here are one live
    /// set with no saved versions, so the list is that one name.
    /// </summary>
    private static IResult ListConfig() => Reply.Ok(new[] { CurrentVersion });

    /// <summary>Takes `{key: value, …}`, or upstream's `{config: {key: value, …}}`; scalar values only.</summary>
    private static async Task<IResult> SetConfig(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        IEnumerable<KeyValuePair<string, JsonElement>> settings = input.Values.Count == 1 && input.Values.TryGetValue("config", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object
            ? wrapped.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value))
            : input.Values;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, raw) in settings)
        {
            if (!KeyPattern().IsMatch(key))
            {
                return Reply.Fail($"check format fail {key} format error {Check.PerlRegex(KeyPattern().ToString())}");
            }

            if (raw.ValueKind is JsonValueKind.Object or JsonValueKind.Array || RequestParams.AsText(raw) is not { Length: <= MaxValueLength } value)
            {
                return Reply.Fail($"check format fail {key} format error");
            }

            values[key] = value;
        }

        if (values.Count == 0)
        {
            return Reply.Fail("nofind config in params");
        }

        // The session cookie's name is fixed in the login filter; a different value would only mislead clients.
        if (values.TryGetValue(ConnectorConfigDefaults.CookieKey, out var cookieKey) && cookieKey != LoginFilter.CookieName)
        {
            return Reply.Fail($"{ConnectorConfigDefaults.CookieKey} is fixed: {LoginFilter.CookieName}");
        }

        // Only key names are audited: values may be other systems' credentials.
        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, "EDIT CONNECTOR CONFIG", $"KEYS:{string.Join(',', values.Keys)}");
        await grains.GetGrain<IConnectorConfigGrain>(0).Set(values, caller.User);
        return Reply.Info("ok");
    }

    [GeneratedRegex("^[a-zA-Z0-9_]{1,100}$")]
    private static partial Regex KeyPattern();
}
