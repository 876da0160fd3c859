using System.Text.Json.Nodes;

namespace OpenC3.IntegrationTests.Reliability;

/// <summary>The hostile values the corpus puts into fields: text a field may hold, and values of the wrong JSON type.</summary>
public static class HostileValues
{
    public const int Megabyte = 1 << 20;

    /// <summary>Text for any field. The 1 MB string goes into bodies only: in a URL it only proves Kestrel's own limit.</summary>
    public static readonly string[] Texts =
    [
        string.Empty,
        "   ",
        "名字-ñ-ü-🚀",
        "\u202e\u200breversed",
        "a\0b",
        "\u0001\u001b[31mred\r\nX-Injected: 1",
        "' OR '1'='1",
        "1; DROP TABLE openc3_job_jobs;--",
        "\"; SELECT sleep(5); -- \\",
        "$(id)`id`;|&>/tmp/corpus-pwned",
        "../../../../etc/passwd",
        "/etc/passwd",
        "..\\..\\windows\\win.ini",
        "%00%2e%2e%2f",
        "<script>alert(1)</script>",
        "-1",
        "99999999999999999999999999",
        "1.5e308",
        "{\"a\":1}",
    ];

    public static readonly string OneMegabyte = new('x', Megabyte);

    /// <summary>Values of every JSON type but the text a field expects (and very deep nesting).</summary>
    public static JsonNode?[] WrongTypes() =>
    [
        null,
        JsonValue.Create(0),
        JsonValue.Create(-1),
        JsonValue.Create(1.5e308),
        JsonValue.Create(true),
        new JsonArray(),
        new JsonArray(JsonValue.Create(1), JsonValue.Create("a")),
        new JsonObject(),
        new JsonObject { ["a"] = new JsonObject { ["b"] = new JsonArray() } },
    ];

    /// <summary>Bytes that are not UTF-8 inside a JSON string.</summary>
    public static readonly byte[] InvalidUtf8 = [.. "{\"name\":\""u8, 0xff, 0xfe, 0xc3, .. "\"}"u8];

    /// <summary>Bodies that are not a JSON object (or not valid JSON text), sent as application/json.</summary>
    public static readonly string[] MalformedJson =
    [
        "{\"name\":",
        "[1,2,3]",
        "\"just a string\"",
        "{\"a\":1}{\"b\":2}",
        "{'single':'quotes'}",
        "{\"name\":\"\\ud800 lone surrogate\"}",
        new string('[', 5000) + new string(']', 5000),
    ];
}
