using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Files;
using FileServerOptions = OpenC3.Grains.Abstractions.Files.FileServerOptions;

namespace OpenC3.Api.Job;

/// <summary>
/// `/fileserver`: a tree node's files. Uploads are multipart (one or more files; a name that exists is
/// replaced) and stream into the content-addressed blob store (by SHA-256; `md5` is still what lists show and
/// `checkmd5` compares); the web UI posts them under `/uploadv2/fileserver` (upstream's nginx upload path), served
/// by the same handlers. A download is two steps for the web UI, as upstream (`file.controller.js`
/// `downloadFile()`): `download?name=` answers an unguessable link name that `/download/&lt;link&gt;` streams for
/// `FileServer:DownloadLinkSeconds`. Clients that send `Accept: application/octet-stream` (the `c3` CLI) get
/// the file in the first answer. Scripts upload with a `token` header and no login.
/// </summary>
public static partial class FileServerApi
{
    private const string Md5Pattern = "^[a-zA-Z0-9]{32}$";
    private const string UploaderPattern = @"^[a-zA-Z0-9\.\-_@]+$";
    private const string NotFound = "notfind the file";

    /// <summary>128 random bits: a link cannot be guessed within its lifetime.</summary>
    private const int LinkBytes = 16;

    private const string OctetStream = "application/octet-stream";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static RouteGroupBuilder MapFileServerApi(this RouteGroupBuilder job)
    {
        job.MapGet("/fileserver/{treeid}", List).RequireProjectPoint(Points.JobRead);
        job.MapGet("/fileserver/{treeid}/download", Download).RequireProjectPoint(Points.JobWrite);
        job.MapGet("/download/{link}", DownloadByLink).NoLogin("the unguessable, short-lived link name is the credential; it opens only the one file it was made for");
        job.MapDelete("/fileserver/{treeid}/{id}", Delete).RequireProjectPoint(Points.JobDelete);
        foreach (var prefix in new[] { "/fileserver", "/uploadv2/fileserver" })
        {
            job.MapPost(prefix + "/{treeid}", Upload).RequireProjectPoint(Points.JobWrite);
            job.MapPost(prefix + "/{treeid}/upload", TokenUpload).NoLogin("the upload token is the credential, checked in the handler");
        }

        return job;
    }

    private static async Task<IResult> List(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var files = await grains.GetGrain<IFileCatalogGrain>(0).List(treeId);
        return Reply.Ok(files.Select(f => new
        {
            id = f.Id,
            name = f.Name,
            size = f.Size,
            md5 = f.Md5,
            create_user = f.CreateUser,
            create_time = f.CreateTime,
            edit_user = f.EditUser,
            edit_time = f.EditTime,
        }));
    }

    private static async Task<IResult> Upload(HttpContext context, IGrainFactory grains, IOptionsMonitor<FileServerOptions> options)
    {
        var treeId = context.TreeId();
        var caller = Caller.Required(context);
        using var batch = await ReadUploadAsync(context, options);
        if (batch.Error is not null)
        {
            return Reply.Fail(batch.Error);
        }

        await SaveAsync(grains, options, treeId, batch, caller, "USER UPLOAD FILE", caller.User);
        return Reply.Ok(batch.Files.Count);
    }

    /// <summary>
    /// No login: header `token` (32 letters and digits) of this node or of node 0. Optional `checkmd5` must
    /// match every file; optional form field `user` is recorded as the creator, as upstream. A job token then
    /// starts its job with `{version: &lt;file name&gt;}` through <see cref="UploadJobStarter"/> (logged).
    /// </summary>
    private static async Task<IResult> TokenUpload(string treeid, HttpContext context, IGrainFactory grains, IOptionsMonitor<FileServerOptions> options)
    {
        if (TreeIds.TryParse(treeid) is not { } treeId)
        {
            return Reply.Fail(TreeIds.FormatError(ResourceRoutes.TreeField));
        }

        var token = context.Request.Headers["token"].ToString();
        if (token.Length == 0)
        {
            return Reply.Fail("no token");
        }

        if (!TokenSecret.IsWellFormed(token))
        {
            return Reply.Fail("token format error");
        }

        var grant = await grains.GetGrain<IUploadTokenGrain>(0).Authorize(treeId, token);
        if (!grant.Allowed)
        {
            return Reply.Fail("not authorized");
        }

        using var batch = await ReadUploadAsync(context, options);
        if (batch.Error is not null)
        {
            return Reply.Fail(batch.Error);
        }

        var checkMd5 = context.Request.Query["checkmd5"].FirstOrDefault() ?? batch.Fields.GetValueOrDefault("checkmd5");
        if (checkMd5 is not null && !Regex.IsMatch(checkMd5, Md5Pattern))
        {
            return Reply.Fail($"check format fail checkmd5 format error {Check.PerlRegex(Md5Pattern)}");
        }

        if (checkMd5 is not null && batch.Files.Any(f => !f.Blob.Md5.Equals(checkMd5, StringComparison.OrdinalIgnoreCase)))
        {
            return Reply.Fail("md5 not match");
        }

        var uploader = Caller.ForUser(TokenSecret.Uploader(token));
        var creator = batch.Fields.GetValueOrDefault("user") is { } user && Regex.IsMatch(user, UploaderPattern) ? user : uploader.User;
        await SaveAsync(grains, options, treeId, batch, uploader, "TOKEN UPLOAD FILE", creator);
        if (grant.StartsJob)
        {
            await context.RequestServices.GetRequiredService<UploadJobStarter>().StartAsync(treeId, grant.JobName, new Dictionary<string, string> { ["version"] = batch.Files[^1].Name }, uploader.User);
        }

        return Reply.Ok(batch.Files.Count);
    }

    /// <summary>The file itself for `Accept: application/octet-stream`, else `data:` a link name for `/download/&lt;link&gt;`.</summary>
    private static async Task<IResult> Download(HttpContext context, IGrainFactory grains, IOptionsMonitor<FileServerOptions> options)
    {
        var treeId = context.TreeId();
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).NoQuote("name", required: true).Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var target = new DownloadTarget(treeId, input.Text("name")!);
        if (!WantsTheStream(context.Request))
        {
            if (await grains.GetGrain<IFileCatalogGrain>(0).Find(treeId, target.Name) is null)
            {
                return Reply.Fail(NotFound);
            }

            var link = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(LinkBytes));
            await grains.GetGrain<IDownloadLinkGrain>(link).Offer(target, TimeSpan.FromSeconds(options.CurrentValue.DownloadLinkSeconds));
            return Reply.Ok(link);
        }

        return await StreamAsync(grains, options, target);
    }

    private static async Task<IResult> DownloadByLink(string link, IGrainFactory grains, IOptionsMonitor<FileServerOptions> options)
    {
        var target = LinkPattern().IsMatch(link) ? await grains.GetGrain<IDownloadLinkGrain>(link).Resolve() : null;
        return target is null ? Reply.Fail("the download link is unknown or has expired") : await StreamAsync(grains, options, target);
    }

    private static bool WantsTheStream(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(OctetStream, StringComparison.OrdinalIgnoreCase));

    private static async Task<IResult> StreamAsync(IGrainFactory grains, IOptionsMonitor<FileServerOptions> options, DownloadTarget target)
    {
        var file = await grains.GetGrain<IFileCatalogGrain>(0).Find(target.TreeId, target.Name);
        if (file is null)
        {
            return Reply.Fail(NotFound);
        }

        var content = new FileBlobStore(options.CurrentValue).OpenRead(file.BlobName);
        if (content is null)
        {
            return Reply.Fail("the file's content is missing from the store");
        }

        var contentType = ContentTypes.TryGetContentType(file.Name, out var type) ? type : OctetStream;
        return Results.File(content, contentType, fileDownloadName: file.Name, enableRangeProcessing: true);
    }

    private static Task<IResult> Delete(string id, HttpContext context, IGrainFactory grains) =>
        ResourceRoutes.DeleteRowAsync<IFileCatalogGrain>(context, grains, id, "DELETE FILE", "FILENAME");

    /// <summary>Uploads are bounded by <see cref="FileServerOptions"/> (per file, parts, in all), so the server's request size limit is lifted here.</summary>
    private static Task<UploadBatch> ReadUploadAsync(HttpContext context, IOptionsMonitor<FileServerOptions> options)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        return UploadBatch.ReadAsync(context.Request, options.CurrentValue, context.RequestAborted);
    }

    /// <summary>Each file: audit (its name, never its content), record the row, then make its blob visible.</summary>
    private static async Task SaveAsync(IGrainFactory grains, IOptionsMonitor<FileServerOptions> options, long treeId, UploadBatch batch, Caller caller, string title, string creator)
    {
        var store = new FileBlobStore(options.CurrentValue);
        var catalog = grains.GetGrain<IFileCatalogGrain>(0);
        foreach (var file in batch.Files)
        {
            await AuditTrail.RecordAsync(grains, caller, title, $"TREEID:{treeId} FILENAME:{file.Name}");
            await catalog.Save(treeId, new FileUpload(file.Name, file.Blob.Md5, file.Blob.Sha256, file.Blob.Size, creator, caller.User));
            store.Commit(file.Blob);
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex LinkPattern();
}
