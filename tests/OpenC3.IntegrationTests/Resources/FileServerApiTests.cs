using System.Security.Cryptography;
using System.Text;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Resources;

/// <summary>The file server and its upload tokens over HTTP, on both storage profiles.</summary>
public abstract class FileServerApiTests(EmbeddedProduct product)
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;

    [Fact]
    public async Task Upload_ListsDownloadsReplacesAndDeletes()
    {
        var node = await NewNodeAsync(product);
        using var app = product.App();
        var upload = await app.Http.PostAsync(
            $"{J}/fileserver/{node}",
            Multipart([("notes.txt", Stream("hello files")), ("app-1.0.tar.gz", Stream("tarball"))]));
        Assert.Equal(2, (await ApiClient.ReadAsync(upload)).Data().GetInt32());

        var files = (await app.GetAsync($"{J}/fileserver/{node}")).Rows();
        Assert.Equal(["id", "name", "size", "md5", "create_user", "create_time", "edit_user", "edit_time"], files[0].EnumerateObject().Select(p => p.Name));
        var notes = files.Single(f => f.Text("name") == "notes.txt");
        Assert.Equal(("11", Md5("hello files"), "ci@app"), (notes.Text("size"), notes.Text("md5"), notes.Text("create_user")));

        var download = await StreamAsync(app, $"{J}/fileserver/{node}/download?name=notes.txt");
        Assert.Equal("hello files", await download.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(11, download.Content.Headers.ContentLength);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("notes.txt", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        var gz = await StreamAsync(app, $"{J}/fileserver/{node}/download?name=app-1.0.tar.gz");

        // Without `Accept: application/octet-stream` (the web UI) the answer is a link name, streamed by /download/<link>.
        var link = (await app.GetAsync($"{J}/fileserver/{node}/download?name=notes.txt")).Data().GetString();
        Assert.Equal("hello files", await (await app.Http.GetAsync($"{J}/download/{link}")).Content.ReadAsStringAsync());
        Assert.Equal("application/x-gzip", gz.Content.Headers.ContentType!.MediaType);

        Assert.Equal(1, (await ApiClient.ReadAsync(await app.Http.PostAsync($"{J}/fileserver/{node}", Multipart("notes.txt", "replaced")))).Data().GetInt32());
        files = (await app.GetAsync($"{J}/fileserver/{node}")).Rows();
        Assert.Equal(2, files.Count);
        Assert.Equal(Md5("replaced"), files.Single(f => f.Text("name") == "notes.txt").Text("md5"));
        Assert.Equal("replaced", await (await StreamAsync(app, $"{J}/fileserver/{node}/download?name=notes.txt")).Content.ReadAsStringAsync());
        Assert.False(File.Exists(BlobPath(Sha256("hello files"))), "the replaced content is no longer referenced");

        Assert.Equal("notfind the file", (await app.GetAsync($"{J}/fileserver/{node}/download?name=missing.txt")).Info());
        Assert.Equal("check format fail name undef", (await app.GetAsync($"{J}/fileserver/{node}/download")).Info());

        var id = files.Single(f => f.Text("name") == "notes.txt").GetProperty("id").GetInt64();
        Assert.True((await app.DeleteAsync($"{J}/fileserver/{node}/{id}", new { })).Data().GetBoolean());
        Assert.Equal(["app-1.0.tar.gz"], (await app.GetAsync($"{J}/fileserver/{node}")).Rows().Select(f => f.Text("name")));
        Assert.False(File.Exists(BlobPath(Sha256("replaced"))));
        Assert.Single(await AuditAsync(product, "USER UPLOAD FILE", $"TREEID:{node} FILENAME:app-1.0.tar.gz"));
        Assert.Single(await AuditAsync(product, "DELETE FILE", $"TREEID:{node} FILENAME:notes.txt"));
        Assert.Empty(await AuditAsync(product, "UPLOAD FILE", "hello files"));
    }

    [Fact]
    public async Task Blobs_AreSharedByContent_AndRemovedWithTheirLastFile()
    {
        var first = await NewNodeAsync(product);
        var second = await NewNodeAsync(product);
        var content = $"shared {Guid.NewGuid()}";
        using var app = product.App();
        Assert.True((await ApiClient.ReadAsync(await app.Http.PostAsync($"{J}/fileserver/{first}", Multipart("a.bin", content)))).Stat());
        Assert.True((await ApiClient.ReadAsync(await app.Http.PostAsync($"{J}/fileserver/{second}", Multipart("b.bin", content)))).Stat());
        Assert.True(File.Exists(BlobPath(Sha256(content))));

        var a = (await app.GetAsync($"{J}/fileserver/{first}")).Rows().Single().GetProperty("id").GetInt64();
        Assert.True((await app.DeleteAsync($"{J}/fileserver/{first}/{a}", new { })).Data().GetBoolean());
        Assert.True(File.Exists(BlobPath(Sha256(content))), "the second node still lists the content");
        Assert.Equal(content, await (await StreamAsync(app, $"{J}/fileserver/{second}/download?name=b.bin")).Content.ReadAsStringAsync());

        var b = (await app.GetAsync($"{J}/fileserver/{second}")).Rows().Single().GetProperty("id").GetInt64();
        Assert.False((await app.DeleteAsync($"{J}/fileserver/{first}/{b}", new { })).Data().GetBoolean());
        Assert.True((await app.DeleteAsync($"{J}/fileserver/{second}/{b}", new { })).Data().GetBoolean());
        Assert.False(File.Exists(BlobPath(Sha256(content))));
    }

    [Fact]
    public async Task ContentsWithTheSameMd5_StayApart_AndNoUploadReplacesAnotherNodesBytes()
    {
        var victim = await NewNodeAsync(product);
        var attackerNode = await NewNodeAsync(product);
        using var app = product.App();
        using var attacker = await UserAsync(product, attackerNode, 2);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(CollisionA)), Convert.ToHexStringLower(MD5.HashData(CollisionB)));

        Assert.True((await ApiClient.ReadAsync(await app.Http.PostAsync($"{J}/fileserver/{victim}", RawMultipart(("release.bin", CollisionA))))).Stat());
        var victimBlob = BlobPath(Convert.ToHexStringLower(SHA256.HashData(CollisionA)));
        var written = File.GetLastWriteTimeUtc(victimBlob);

        // The same name and the same md5 with other bytes, and then the victim's very bytes, from the attacker's own node.
        Assert.True((await ApiClient.ReadAsync(await attacker.Http.PostAsync($"{J}/fileserver/{attackerNode}", RawMultipart(("release.bin", CollisionB))))).Stat());
        Assert.True((await ApiClient.ReadAsync(await attacker.Http.PostAsync($"{J}/fileserver/{attackerNode}", RawMultipart(("copy.bin", CollisionA))))).Stat());

        Assert.Equal(CollisionA, await (await StreamAsync(app, $"{J}/fileserver/{victim}/download?name=release.bin")).Content.ReadAsByteArrayAsync());
        Assert.Equal(CollisionB, await (await StreamAsync(attacker, $"{J}/fileserver/{attackerNode}/download?name=release.bin")).Content.ReadAsByteArrayAsync());
        Assert.Equal(written, File.GetLastWriteTimeUtc(victimBlob));
        Assert.Equal(CollisionA, await File.ReadAllBytesAsync(victimBlob));

        // The wire still speaks md5: both lists show the (equal) md5 of what they hold.
        var md5 = Convert.ToHexStringLower(MD5.HashData(CollisionA));
        Assert.Equal(md5, (await app.GetAsync($"{J}/fileserver/{victim}")).Rows().Single().Text("md5"));
        Assert.All((await attacker.GetAsync($"{J}/fileserver/{attackerNode}")).Rows(), f => Assert.Equal(md5, f.Text("md5")));
    }

    [Fact]
    public async Task ABlobStoredUnderItsMd5_BeforeSha256Naming_IsStillServed_AndNotReplacedByACollision()
    {
        var node = await NewNodeAsync(product);
        var other = await NewNodeAsync(product);
        using var app = product.App();
        var name = $"old-{Guid.NewGuid():N}"[..16] + ".bin";

        // A deployment from before: the blob under its md5 and a row without sha256.
        var md5 = Convert.ToHexStringLower(MD5.HashData(CollisionA));
        var legacyBlob = BlobPath(md5);
        Directory.CreateDirectory(Path.GetDirectoryName(legacyBlob)!);
        await File.WriteAllBytesAsync(legacyBlob, CollisionA);
        await ExecuteSqlAsync(
            product,
            "INSERT INTO openc3_job_fileserver (projectid, name, size, md5, create_user, create_time, edit_user, edit_time, status) VALUES (@node, @name, @size, @md5, 'old', '2024-01-01 00:00:00', 'old', '2024-01-01 00:00:00', 'available')",
            new { node, name, size = CollisionA.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), md5 });

        Assert.Equal(md5, (await app.GetAsync($"{J}/fileserver/{node}")).Rows().Single().Text("md5"));
        Assert.Equal(CollisionA, await (await StreamAsync(app, $"{J}/fileserver/{node}/download?name={name}")).Content.ReadAsByteArrayAsync());

        // Other bytes of the same md5 uploaded elsewhere leave the old blob as it was.
        Assert.True((await ApiClient.ReadAsync(await app.Http.PostAsync($"{J}/fileserver/{other}", RawMultipart(("collide.bin", CollisionB))))).Stat());
        Assert.Equal(CollisionA, await (await StreamAsync(app, $"{J}/fileserver/{node}/download?name={name}")).Content.ReadAsByteArrayAsync());
        Assert.Equal(CollisionA, await File.ReadAllBytesAsync(legacyBlob));

        // Uploading the name again moves it to SHA-256 naming, and the old blob goes with its last row.
        Assert.True((await ApiClient.ReadAsync(await app.Http.PostAsync($"{J}/fileserver/{node}", Multipart(name, "new content")))).Stat());
        Assert.Equal("new content", await (await StreamAsync(app, $"{J}/fileserver/{node}/download?name={name}")).Content.ReadAsStringAsync());
        Assert.False(File.Exists(legacyBlob));
        Assert.True(File.Exists(BlobPath(Sha256("new content"))));
    }

    [Fact]
    public async Task FiftyMegabytes_StreamUpAndDown_WithTheSameMd5()
    {
        var node = await NewNodeAsync(product);
        var expected = GeneratedContent.Md5(FiftyMegabytes, 50);
        using var app = product.App();
        var memory = PeakMemory.Of(product.Process.Pid);
        var upload = await app.Http.PostAsync($"{J}/fileserver/{node}", Multipart([("big.bin", new GeneratedContent(FiftyMegabytes, 50))]));
        Assert.Equal(1, (await ApiClient.ReadAsync(upload)).Data().GetInt32());

        var row = (await app.GetAsync($"{J}/fileserver/{node}")).Rows().Single();
        Assert.Equal((FiftyMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture), expected), (row.Text("size"), row.Text("md5")));

        using var download = await StreamAsync(app, $"{J}/fileserver/{node}/download?name=big.bin", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(FiftyMegabytes, download.Content.Headers.ContentLength);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType!.MediaType);
        await using var body = await download.Content.ReadAsStreamAsync();
        Assert.Equal(expected, Convert.ToHexStringLower(await MD5.HashDataAsync(body)));
        Assert.True(memory.GrowthBytes() < 32L * 1024 * 1024, $"the product's peak memory grew by {memory.GrowthBytes() / 1024 / 1024} MiB while streaming 50 MiB");
        Assert.Empty(Directory.GetFiles(Path.Combine(BlobStore(product), "tmp")));
    }

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("../../../../tmp/evil.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("dir/file.txt")]
    [InlineData("..\\evil.txt")]
    [InlineData("..")]
    [InlineData("nul\u0000byte.txt")]
    [InlineData("")]
    public async Task PathLikeNames_AreRefused_AndNothingIsStored(string name)
    {
        var node = await NewNodeAsync(product);
        using var app = product.App();
        var before = Directory.Exists(BlobStore(product)) ? Directory.GetFiles(BlobStore(product), "*", SearchOption.AllDirectories).Length : 0;
        var content = Encoding.UTF8.GetBytes($"payload {Guid.NewGuid()}");
        var reply = await ApiClient.ReadAsync(await app.Http.PostAsync($"{J}/fileserver/{node}", RawMultipart(("ok.txt", "fine"u8.ToArray()), (name, content))));
        Assert.Equal("check format fail filename format error", reply.Info());
        Assert.Empty((await app.GetAsync($"{J}/fileserver/{node}")).Rows());
        var after = Directory.Exists(BlobStore(product)) ? Directory.GetFiles(BlobStore(product), "*", SearchOption.AllDirectories).Length : 0;
        Assert.Equal(before, after);
        Assert.False(File.Exists("/tmp/evil.txt") && File.ReadAllBytes("/tmp/evil.txt").SequenceEqual(content));
    }

    [Fact]
    public async Task Upload_WithoutAFile_IsUploadUndef()
    {
        using var app = product.App();
        Assert.Equal("upload undef", (await app.PostAsync($"{J}/fileserver/1", new { name = "x" })).Info());
        var onlyFields = await app.Http.PostAsync($"{J}/fileserver/1", Multipart([], new Dictionary<string, string> { ["user"] = "x" }));
        Assert.Equal("upload undef", (await ApiClient.ReadAsync(onlyFields)).Info());
    }

    [Fact]
    public async Task Tokens_AreShownOnce_StoredAsHashes_AndValidated()
    {
        var node = await NewNodeAsync(product);
        using var app = product.App();
        var created = await app.PostAsync($"{J}/token/{node}", new { describe = "ci upload", isjob = 0, jobname = "" });
        Assert.True(created.Data().GetBoolean());
        var token = created.Text("token");
        Assert.Matches("^[a-zA-Z0-9]{32}$", token);
        var chosen = new string('Q', 16) + new string('7', 16);
        Assert.True((await app.PostAsync($"{J}/token/{node}", new { token = chosen, describe = "chosen", isjob = true, jobname = "deploy" })).Stat());
        Assert.Equal("token already exists", (await app.PostAsync($"{J}/token/{node}", new { token = chosen, describe = "again", isjob = 0 })).Info());

        var list = (await app.PostAsync($"{J}/token/{node}/info", new { })).Rows();
        Assert.Equal(["id", "token", "describe", "create_user", "create_time", "isjob", "jobname"], list[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal([$"{token[..4]}****", "QQQQ****"], list.Select(t => t.Text("token")));
        Assert.Equal([("ci upload", "0", ""), ("chosen", "1", "deploy")], list.Select(t => (t.Text("describe"), t.Text("isjob"), t.Text("jobname"))));
        Assert.Equal(2, (await app.GetAsync($"{J}/token/{node}/info?create_user=ci@app&create_time_start={Today}")).Rows().Count);
        Assert.Empty((await app.GetAsync($"{J}/token/{node}/info?create_time_start=2999-01-01")).Rows());

        var stored = await AllTextAsync(product, "openc3_job_token");
        Assert.DoesNotContain(stored, cell => cell.Contains(token, StringComparison.Ordinal) || cell.Contains(chosen, StringComparison.Ordinal));
        Assert.DoesNotContain(token, product.Process.Log, StringComparison.Ordinal);
        var audit = await AuditAsync(product, "ADD FILESERVER TOKEN", $"TREEID:{node}");
        Assert.Contains(audit, a => a.Text("content") == $"TREEID:{node} NAME:ci upload");
        Assert.DoesNotContain(audit, a => a.Text("content").Contains(token, StringComparison.Ordinal) || a.Text("content").Contains(chosen, StringComparison.Ordinal));

        Assert.Equal("check format fail token format error (?^:^[a-zA-Z0-9]{32}$)", (await app.PostAsync($"{J}/token/{node}", new { token = "short", describe = "d", isjob = 0 })).Info());
        Assert.Equal("check format fail describe undef", (await app.PostAsync($"{J}/token/{node}", new { isjob = 0 })).Info());
        Assert.Equal("check format fail isjob undef", (await app.PostAsync($"{J}/token/{node}", new { describe = "d" })).Info());
        Assert.Equal("check format fail jobname undef", (await app.PostAsync($"{J}/token/{node}", new { describe = "d", isjob = 1 })).Info());
        Assert.Equal("check format fail describe format error", (await app.PostAsync($"{J}/token/{node}", new { describe = "it's", isjob = 0 })).Info());

        var id = list[0].GetProperty("id").GetInt64();
        Assert.True((await app.DeleteAsync($"{J}/token/{node}/{id}", new { })).Data().GetBoolean());
        Assert.Equal(["chosen"], (await app.GetAsync($"{J}/token/{node}/info")).Rows().Select(t => t.Text("describe")));
        Assert.Single(await AuditAsync(product, "DEL FILESERVER TOKEN", $"TREEID:{node} NAME:ci upload"));
    }

    [Fact]
    public async Task TokenUpload_NeedsAValidTokenOfThisNodeOrTheGlobalNode()
    {
        var node = await NewNodeAsync(product);
        var other = await NewNodeAsync(product);
        using var app = product.App();
        var own = (await app.PostAsync($"{J}/token/{node}", new { describe = "own", isjob = 0 })).Text("token");
        var foreign = (await app.PostAsync($"{J}/token/{other}", new { describe = "foreign", isjob = 0 })).Text("token");
        var global = (await app.PostAsync($"{J}/token/0", new { describe = "global", isjob = 1, jobname = "never-started" })).Text("token");
        using var script = product.Anonymous();

        Assert.Equal("no token", (await TokenUploadAsync(script, node, null, "a.txt", "x")).Info());
        Assert.Equal("token format error", (await TokenUploadAsync(script, node, "short", "a.txt", "x")).Info());
        Assert.Equal("token format error", (await TokenUploadAsync(script, node, own + "x", "a.txt", "x")).Info());
        Assert.Equal("not authorized", (await TokenUploadAsync(script, node, new string('z', 32), "a.txt", "x")).Info());
        Assert.Equal("not authorized", (await TokenUploadAsync(script, node, foreign, "a.txt", "x")).Info());
        Assert.Equal("not authorized", (await TokenUploadAsync(script, node, own.ToUpperInvariant() == own ? own.ToLowerInvariant() : own.ToUpperInvariant(), "a.txt", "x")).Info());
        Assert.Equal(@"check format fail projectid format error (?^:^\d+$)", (await TokenUploadAsync(script, "x1", own, "a.txt", "x")).Info());

        Assert.Equal(1, (await TokenUploadAsync(script, node, own, "own.txt", "by own token")).Data().GetInt32());
        Assert.Equal(1, (await TokenUploadAsync(script, node, global, "global.txt", "by global token")).Data().GetInt32());
        var files = (await app.GetAsync($"{J}/fileserver/{node}")).Rows();
        Assert.Equal([("own.txt", $"{own[..8]}@token"), ("global.txt", $"{global[..8]}@token")], files.Select(f => (f.Text("name"), f.Text("create_user"))));
        Assert.Equal("by own token", await (await StreamAsync(app, $"{J}/fileserver/{node}/download?name=own.txt")).Content.ReadAsStringAsync());
        Assert.Single(await AuditAsync(product, "TOKEN UPLOAD FILE", $"TREEID:{node} FILENAME:own.txt"));
        Assert.DoesNotContain("never-started", product.Process.Log, StringComparison.Ordinal);

        var ownId = (await app.GetAsync($"{J}/token/{node}/info")).Rows().Single().GetProperty("id").GetInt64();
        Assert.True((await app.DeleteAsync($"{J}/token/{node}/{ownId}", new { })).Data().GetBoolean());
        Assert.Equal("not authorized", (await TokenUploadAsync(script, node, own, "late.txt", "x")).Info());
        Assert.Equal("check format fail filename format error", (await TokenUploadAsync(script, node, global, "../up.txt", "x")).Info());
    }

    [Fact]
    public async Task TokenUpload_ChecksMd5_RecordsTheGivenUser_AndStartsTheJobWithTheVersion()
    {
        var node = await NewNodeAsync(product);
        var job = $"deploy-{Guid.NewGuid():N}"[..20];
        using var app = product.App();
        var created = await app.PostAsync($"{J}/jobs/{node}", new
        {
            name = job,
            permanent = 1,
            data = new[] { new { plugin_type = "cmd", name = "install", user = "root", node_type = "builtin", node_cont = "10.9.9.9", scripts_type = "shell", scripts_cont = "echo $1", scripts_argv = "$version" } },
        });
        Assert.True(created.GetProperty("stat").GetBoolean(), created.ToString());
        var token = (await app.PostAsync($"{J}/token/{node}", new { describe = "job token", isjob = 1, jobname = job })).Text("token");
        using var script = product.Anonymous();

        var mismatch = await TokenUploadAsync(script, node, token, "v1.tgz", "release 1", new Dictionary<string, string> { ["checkmd5"] = Md5("something else") });
        Assert.Equal("md5 not match", mismatch.Info());
        Assert.Equal(@"check format fail checkmd5 format error (?^:^[a-zA-Z0-9]{32}$)", (await TokenUploadAsync(script, node, token, "v1.tgz", "release 1", new Dictionary<string, string> { ["checkmd5"] = "x" })).Info());
        Assert.Empty((await app.GetAsync($"{J}/fileserver/{node}")).Rows());
        Assert.Empty((await app.GetAsync($"{J}/task/{node}")).Rows());

        var fields = new Dictionary<string, string> { ["checkmd5"] = Md5("release 1"), ["user"] = "builder@ci" };
        Assert.Equal(1, (await TokenUploadAsync(script, node, token, "v1.tgz", "release 1", fields)).Data().GetInt32());
        var row = (await app.GetAsync($"{J}/fileserver/{node}")).Rows().Single();
        Assert.Equal(("builder@ci", $"{token[..8]}@token"), (row.Text("create_user"), row.Text("edit_user")));
        var task = (await Eventually.WaitAsync(
            async () => (await app.GetAsync($"{J}/task/{node}")).Rows().ToList(),
            rows => rows.Count == 1,
            TimeSpan.FromSeconds(10),
            "the job token's task")).Single();
        Assert.Equal((job, "jobs", "api"), (task.Text("name"), task.Text("jobtype"), task.Text("calltype")));
        Assert.Contains("version: 'v1.tgz'", task.Text("variable"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersWithoutThePoint_GetUnauthorized_AndAnonymousCallersCode10000()
    {
        var node = await NewNodeAsync(product);
        using var app = product.App();
        Assert.True((await ApiClient.ReadAsync(await app.Http.PostAsync($"{J}/fileserver/{node}", Multipart("kept.txt", "kept")))).Stat());
        var id = (await app.GetAsync($"{J}/fileserver/{node}")).Rows().Single().GetProperty("id").GetInt64();

        using var reader = await UserAsync(product, node, 0);
        Assert.Single((await reader.GetAsync($"{J}/fileserver/{node}")).Rows());
        foreach (var reply in new[]
        {
            await ApiClient.ReadAsync(await reader.Http.PostAsync($"{J}/fileserver/{node}", Multipart("x.txt", "x"))),
            await reader.GetAsync($"{J}/fileserver/{node}/download?name=kept.txt"),
            await reader.DeleteAsync($"{J}/fileserver/{node}/{id}", new { }),
            await reader.GetAsync($"{J}/token/{node}/info"),
            await reader.PostAsync($"{J}/token/{node}", new { describe = "d", isjob = 0 }),
            await reader.DeleteAsync($"{J}/token/{node}/1", new { }),
        })
        {
            Assert.Equal("Unauthorized", reply.Info());
        }

        using var anonymous = product.Anonymous();
        foreach (var reply in new[]
        {
            await anonymous.GetAsync($"{J}/fileserver/{node}"),
            await ApiClient.ReadAsync(await anonymous.Http.PostAsync($"{J}/fileserver/{node}", Multipart("x.txt", "x"))),
            await anonymous.GetAsync($"{J}/fileserver/{node}/download?name=kept.txt"),
            await anonymous.DeleteAsync($"{J}/fileserver/{node}/{id}", new { }),
            await anonymous.GetAsync($"{J}/token/{node}/info"),
            await anonymous.PostAsync($"{J}/token/{node}", new { describe = "d", isjob = 0 }),
        })
        {
            Assert.Equal(10000, reply.GetProperty("code").GetInt32());
        }

        Assert.Single((await app.GetAsync($"{J}/fileserver/{node}")).Rows());
    }

    /// <summary>A download as the c3 CLI asks for it: the file itself, in the first answer.</summary>
    private static async Task<HttpResponseMessage> StreamAsync(ApiClient client, string path, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("application/octet-stream");
        return await client.Http.SendAsync(request, completion);
    }

    private static async Task<System.Text.Json.JsonElement> TokenUploadAsync(
        ApiClient client, object node, string? token, string name, string content, IReadOnlyDictionary<string, string>? fields = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{J}/fileserver/{node}/upload")
        {
            Content = name.Contains('/') ? RawMultipart((name, Encoding.UTF8.GetBytes(content))) : Multipart(name, content, fields),
        };
        if (token is not null)
        {
            request.Headers.Add("token", token);
        }

        return await ApiClient.ReadAsync(await client.Http.SendAsync(request));
    }

    /// <summary>Two different 128-byte messages with the same md5 (Wang and Yu, 2004): what an attacker can make at will.</summary>
    private static readonly byte[] CollisionA = Convert.FromHexString(
        "d131dd02c5e6eec4693d9a0698aff95c2fcab58712467eab4004583eb8fb7f8955ad340609f4b30283e488832571415a085125e8f7cdc99fd91dbdf280373c5bd8823e3156348f5bae6dacd436c919c6dd53e2b487da03fd02396306d248cda0e99f33420f577ee8ce54b67080a80d1ec69821bcb6a8839396f9652b6ff72a70");

    private static readonly byte[] CollisionB = Convert.FromHexString(
        "d131dd02c5e6eec4693d9a0698aff95c2fcab50712467eab4004583eb8fb7f8955ad340609f4b30283e4888325f1415a085125e8f7cdc99fd91dbd7280373c5bd8823e3156348f5bae6dacd436c919c6dd53e23487da03fd02396306d248cda0e99f33420f577ee8ce54b67080280d1ec69821bcb6a8839396f965ab6ff72a70");

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Where the store keeps a blob: named by its SHA-256, or by its md5 when stored before SHA-256 naming.</summary>
    private string BlobPath(string blobName) => Path.Combine(BlobStore(product), blobName[..2], blobName);
}

[Collection(SharedProducts.SqliteApi)]
public sealed class SqliteFileServerApiTests(EmbeddedProduct product) : FileServerApiTests(product);

[Collection(SharedProducts.MariaDbApi)]
public sealed class MariaDbFileServerApiTests(MariaDbEmbeddedProduct product) : FileServerApiTests(product);
