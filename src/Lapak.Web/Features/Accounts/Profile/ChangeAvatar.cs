using System.Security.Cryptography;
using Lapak.Web.Infrastructure.Files;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;

namespace Lapak.Web.Features.Accounts;

/// <summary>Upload or remove one's own avatar (profile page and <c>PUT/DELETE /api/v1/me/avatar</c>).</summary>
public static class ChangeAvatar
{
    public const int Size = 256;

    /// <summary><see cref="Error"/> is a message in the request's language when nothing was changed.</summary>
    public sealed record Result(bool Succeeded, string? Error)
    {
        public static readonly Result Ok = new(true, null);
    }

    public sealed class Handler(UserManager<LapakUser> users, FileStore files, ActivityLog activity, LapakText text,
        ILogger<Handler> log)
    {
        public async Task<Result> UploadAsync(LapakUser user, IFormFile? file, CancellationToken ct = default)
        {
            if (file is null || file.Length == 0) return new(false, text.Get("Choose an image to upload."));
            var (webp, problem) = await ImageUpload.SquareAsync(file, Size, ct);
            if (webp is null)
            {
                return new(false, problem switch
                {
                    ImageUpload.Problem.TooLarge => text.Get("The image is larger than 5 MB. Choose a smaller one."),
                    ImageUpload.Problem.Empty => text.Get("Choose an image to upload."),
                    _ => text.Get("This file is not an image we can use. Upload a JPEG, PNG, GIF or WebP picture."),
                });
            }

            // A new name each time, so browsers and proxies never show the old picture from their cache.
            var path = $"avatars/{user.Id:N}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant()}.webp";
            await files.SaveAsync(path, webp, ct);
            var old = user.AvatarPath;
            user.AvatarPath = path;
            activity.Record("account.avatar_changed", "user", user.Id.ToString());
            var saved = await users.UpdateAsync(user);
            if (!saved.Succeeded)
            {
                user.AvatarPath = old;
                files.Delete(path);
                return new(false, saved.Errors.First().Description);
            }
            DeleteQuietly(old);
            return Result.Ok;
        }

        public async Task<Result> RemoveAsync(LapakUser user)
        {
            var old = user.AvatarPath;
            if (old is null) return Result.Ok;
            user.AvatarPath = null;
            activity.Record("account.avatar_removed", "user", user.Id.ToString());
            var saved = await users.UpdateAsync(user);
            if (!saved.Succeeded)
            {
                user.AvatarPath = old;
                return new(false, saved.Errors.First().Description);
            }
            DeleteQuietly(old);
            return Result.Ok;
        }

        // The database no longer points at the old file; a file left behind is only wasted space, not an error for the user.
        private void DeleteQuietly(string? path)
        {
            if (path is null) return;
            try { files.Delete(path); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                log.LogWarning(ex, "Could not delete the old avatar {Path}", path);
            }
        }
    }
}
