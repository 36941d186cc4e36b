using Microsoft.Extensions.Options;

namespace Lapak.Web.Infrastructure.Files;

/// <summary>
/// Uploaded files on local disk under <see cref="LapakOptions.FilesPath"/>, addressed by a relative path
/// such as <c>avatars/3f2a….webp</c>. Public media is served at <c>/media/{path}</c>, except what lies under
/// <see cref="PrivateFolder"/>: those files are only handed out by endpoints that check who asks.
/// </summary>
public sealed class FileStore
{
    public const string PrivateFolder = "private";

    private readonly string _root;

    public FileStore(IOptions<LapakOptions> options, IWebHostEnvironment env)
    {
        var path = options.Value.FilesPath;
        _root = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(env.ContentRootPath, path));
        Directory.CreateDirectory(_root);
    }

    public string Root => _root;

    public async Task SaveAsync(string relativePath, byte[] content, CancellationToken ct = default)
    {
        var full = Resolve(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        await File.WriteAllBytesAsync(temp, content, ct);
        File.Move(temp, full, overwrite: true); // readers never see a half-written file
    }

    public async Task SaveAsync(string relativePath, Stream content, CancellationToken ct = default)
    {
        var full = Resolve(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        await using (var file = File.Create(temp)) await content.CopyToAsync(file, ct);
        File.Move(temp, full, overwrite: true);
    }

    public void Delete(string relativePath)
    {
        var full = Resolve(relativePath);
        if (File.Exists(full)) File.Delete(full);
    }

    public string Resolve(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(_root, relativePath));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException("Path escapes the file store.", nameof(relativePath));
        return full;
    }
}
