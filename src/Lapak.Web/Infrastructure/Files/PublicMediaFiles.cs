using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Lapak.Web.Infrastructure.Files;

/// <summary>
/// The file store as <c>/media</c> may serve it: everything but <see cref="FileStore.PrivateFolder"/>, whatever
/// the case of the path (file systems that ignore case would otherwise hand out <c>/media/PRIVATE/…</c>).
/// </summary>
public sealed class PublicMediaFiles(string root) : IFileProvider
{
    private readonly PhysicalFileProvider _files = new(root);

    public IFileInfo GetFileInfo(string subpath) => IsPrivate(subpath) ? new NotFoundFileInfo(subpath) : _files.GetFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) =>
        IsPrivate(subpath) ? NotFoundDirectoryContents.Singleton : _files.GetDirectoryContents(subpath);

    public IChangeToken Watch(string filter) => _files.Watch(filter);

    public static bool IsPrivate(string subpath)
    {
        var first = subpath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return first is null || first.Equals(FileStore.PrivateFolder, StringComparison.OrdinalIgnoreCase) || first.StartsWith('.');
    }
}
