namespace OpenC3.Grains.Abstractions.Connector;

/// <summary>
/// The connector settings a fresh deployment reports. Upstream's connector reads SSO, permission,
/// tree, resource, message and OA endpoints from its config file and calls them over HTTP; the
/// defaults there point back at the connector's own `/default/*` routes. Here the built-in connector
/// serves all of them in-process, so the defaults name the routes (relative to the site) that do each
/// job, in upstream's key names, for clients and operators that read `/config`. An empty `approver`
/// means approvals are kept by the connector itself. `cookiekey` is the session cookie's name and is
/// fixed at `sid` (the API refuses to override it).
/// </summary>
public static class ConnectorConfigDefaults
{
    public const string CookieKey = "cookiekey";

    public static readonly IReadOnlyDictionary<string, string> Values = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CookieKey] = "sid",
        ["ssousername"] = "/api/connector/connectorx/username?cookie=",
        ["ssologoutapi"] = "/api/connector/connectorx/ssologout",
        ["ssocallback"] = "/#/login?callback=",
        ["ssochpasswd"] = "/#/chpasswd",
        ["usertree"] = "/api/connector/default/tree",
        ["pmspoint"] = "/api/connector/default/auth/point",
        ["treemap"] = "/api/connector/default/tree/map",
        ["nodeinfo"] = "/api/connector/default/node/api/",
        ["usermail"] = "/api/connector/default/mail",
        ["usermesg"] = "/api/connector/default/mesg",
        ["approver"] = string.Empty,
    };
}
