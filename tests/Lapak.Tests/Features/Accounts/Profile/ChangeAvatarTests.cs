using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Tests.Features.Accounts.Account;
using Lapak.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Lapak.Tests.Features.Accounts.Profile;

/// <summary>Avatar upload and removal, on /profile and through <c>/api/v1/me/avatar</c>.</summary>
[Collection(Apps.Name)]
public sealed class ChangeAvatarTests(Apps apps)
{
    /// <summary>A real, small, non-square PNG.</summary>
    internal static byte[] Png(int width = 300, int height = 200)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SeaGreen);
            using var paint = new SKPaint { Color = SKColors.Gold };
            canvas.DrawCircle(width / 2f, height / 2f, height / 3f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    internal static MultipartFormDataContent Upload(string field, byte[] bytes, string fileName, string contentType = "image/png")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, field, fileName } };
    }

    private static Task<HtmlPage> UploadOnPage(PageClient pages, byte[] bytes, string fileName) =>
        pages.PostMultipartAsync("/profile?handler=Avatar", Upload("Avatar", bytes, fileName), formUrl: "/profile");

    private static Task<string?> AvatarOf(LapakApp app, TestUser user) =>
        app.WithDbAsync(d => d.Users.Where(u => u.Id == user.Id).Select(u => u.AvatarPath).SingleAsync());

    private static string[] StoredAvatars(LapakApp app, TestUser user)
    {
        var dir = Path.Combine(app.Services.GetRequiredService<FileStore>().Root, "avatars");
        return Directory.Exists(dir) ? Directory.GetFiles(dir, $"{user.Id:N}-*") : [];
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_real_png_becomes_a_256_px_square_webp_shown_in_the_header(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var pages = await app.SignInAsync(user);

        var uploaded = await UploadOnPage(pages, Png(), "me.png");

        Assert.Equal(HttpStatusCode.Redirect, uploaded.Status);
        var path = await AvatarOf(app, user);
        Assert.NotNull(path);
        Assert.Matches($"^avatars/{user.Id:N}-[0-9a-f]+\\.webp$", path);
        var file = Assert.Single(StoredAvatars(app, user));
        using (var codec = SKCodec.Create(file))
        {
            Assert.Equal(SKEncodedImageFormat.Webp, codec.EncodedFormat);
            Assert.Equal((256, 256), (codec.Info.Width, codec.Info.Height));
        }
        var after = await pages.FollowAsync(uploaded);
        Assert.Contains("Foto baru kamu sudah disimpan.", after.Text);
        Assert.Contains($"<img src=\"/media/{path}\" alt=\"\" class=\"avatar-sm\"", after.Html); // the header, from the refreshed sign-in
        var served = await app.Anonymous().GetAsync($"/media/{path}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.True(await app.WithDbAsync(d => d.Set<ActivityEntry>().AnyAsync(a => a.ActorId == user.Id && a.Action == "account.avatar_changed")));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_new_upload_replaces_the_old_file_and_removing_deletes_it(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var pages = await app.SignInAsync(user);
        await UploadOnPage(pages, Png(), "first.png");
        var first = await AvatarOf(app, user);

        await UploadOnPage(pages, Png(120, 160), "second.png");

        var second = await AvatarOf(app, user);
        Assert.NotEqual(first, second);
        Assert.Equal(Path.GetFileName(second), Path.GetFileName(Assert.Single(StoredAvatars(app, user))));

        var removed = await pages.PostFormAsync("/profile?handler=RemoveAvatar", new(), formUrl: "/profile");
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Null(await AvatarOf(app, user));
        Assert.Empty(StoredAvatars(app, user));
        Assert.DoesNotContain("class=\"avatar-sm\"", (await pages.FollowAsync(removed)).Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_text_file_named_png_is_refused_on_the_field_and_the_current_photo_stays(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var pages = await app.SignInAsync(user);
        await UploadOnPage(pages, Png(), "me.png");
        var before = await AvatarOf(app, user);

        var page = await UploadOnPage(pages, "just some text, not a picture"u8.ToArray(), "holiday.png");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("File ini bukan gambar yang bisa kami pakai. Unggah gambar JPEG, PNG, GIF, atau WebP.", page.FieldError("Avatar"));
        Assert.Equal(before, await AvatarOf(app, user));
        Assert.Single(StoredAvatars(app, user));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_file_over_5_MB_is_refused_in_the_users_language_and_nothing_changes(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var pages = await app.SignInAsync(user);
        await pages.PostFormAsync("/profile", EditProfileTests.Details(user.FullName, "", "en"));
        var big = new byte[ImageUpload.MaxBytes + 1];
        Png().CopyTo(big, 0);

        var page = await UploadOnPage(pages, big, "huge.png");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("The image is larger than 5 MB. Choose a smaller one.", page.FieldError("Avatar"));
        Assert.Null(await AvatarOf(app, user));
        Assert.Empty(StoredAvatars(app, user));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_api_uploads_and_removes_my_avatar(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        using var api = await app.ApiAsync(user);

        var put = await api.PutAsync("/api/v1/me/avatar", Upload("file", Png(), "me.png"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var me = await put.Content.ReadFromJsonAsync<JsonElement>();
        var url = me.GetProperty("avatarUrl").GetString();
        Assert.Equal($"/media/{await AvatarOf(app, user)}", url);
        Assert.Equal("image/webp", (await app.Anonymous().GetAsync(url)).Content.Headers.ContentType?.MediaType);

        var delete = await api.DeleteAsync("/api/v1/me/avatar");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Null(await AvatarOf(app, user));
        Assert.Empty(StoredAvatars(app, user));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_api_answers_a_non_image_or_an_oversized_file_with_a_field_error(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        using var api = await app.ApiAsync(user);

        var text = await api.PutAsync("/api/v1/me/avatar", Upload("file", "hello"u8.ToArray(), "me.png"));
        var textErrors = (await AuthApiTests.AssertProblem(text, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.StartsWith("File ini bukan gambar", textErrors.GetProperty("file")[0].GetString());

        var big = await api.PutAsync("/api/v1/me/avatar", Upload("file", new byte[ImageUpload.MaxBytes + 1], "big.png"));
        var bigErrors = (await AuthApiTests.AssertProblem(big, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("5 MB", bigErrors.GetProperty("file")[0].GetString());

        Assert.Null(await AvatarOf(app, user));
        Assert.Empty(StoredAvatars(app, user));
    }
}
