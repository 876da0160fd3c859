namespace OpenC3.Api.Infrastructure;

/// <summary>Who is calling: a logged-in user, or an application (`&lt;appname&gt;@app`, calltype `api`).</summary>
public sealed record Caller(string User, string Company, bool IsApp)
{
    private const string ItemKey = "openc3.caller";

    /// <summary>Upstream's company is the part after `@` of the login, else `default`.</summary>
    public static Caller ForUser(string user)
    {
        var at = user.IndexOf('@', StringComparison.Ordinal);
        return new Caller(user, at >= 0 ? user[(at + 1)..] : "default", IsApp: false);
    }

    public static Caller? Of(HttpContext context) => context.Items.TryGetValue(ItemKey, out var value) ? value as Caller : null;

    public static Caller Required(HttpContext context) =>
        Of(context) ?? throw new InvalidOperationException("Endpoint is missing the login filter.");

    public void AttachTo(HttpContext context) => context.Items[ItemKey] = this;
}
