using System.Text.RegularExpressions;
using Lapak.Web.Features.Accounts;
using SkiaSharp;

namespace Lapak.E2E.Chat;

/// <summary>
/// A buyer on a 375 px phone starts a chat from a seller's profile while the seller has the inbox open on a
/// desktop. Neither page reloads: the seller's badge and inbox count the new message, the buyer sees it read, sees
/// the seller typing, and receives the reply, an image and formatted text; a network blip on the phone loses nothing.
/// </summary>
[Collection(BrowserFixture.Name)]
public sealed class BuyerAndSellerChatLiveJourney(BrowserFixture browser)
{
    private LapakApp App => browser.App;

    [Fact]
    public async Task A_chat_from_a_profile_takes_two_steps_and_everything_after_it_arrives_live_on_both_pages()
    {
        var buyer = await App.CreateUserAsync(Roles.Customer);
        var seller = await App.CreateUserAsync(Roles.Seller);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var question = $"Halo, sepatu ukuran 42 masih ada? ({tag})";
        var reply = $"Masih ada kak, tinggal dua pasang ({tag}).";

        await browser.RunTogetherAsync(nameof(BuyerAndSellerChatLiveJourney), Device.Phone, Device.Desktop, async (phone, desk) =>
        {
            // Keeps the phone's WebSockets within reach, to drop them in the network blip below.
            await phone.Context.AddInitScriptAsync(KeepSockets);
            await browser.SignInAsync(phone, buyer.Email, buyer.Password);
            await browser.SignInAsync(desk, seller.Email, seller.Password);

            await desk.GotoAsync("/chat");
            await Expect(desk.Locator("body")).ToHaveAttributeAsync("data-live", "connected");
            await Expect(desk.Locator("#chat-inbox-list")).ToContainTextAsync(browser.Contains("No conversations yet — start one from someone's profile."));
            await browser.AssertAccessibleAsync(desk, "desktop-chat-inbox-empty");
            await MarkDocumentAsync(desk);

            // The buyer: one click on Chat, then the message typed into the focused composer and sent with Enter.
            await phone.GotoAsync($"/people/{seller.Id}");
            await phone.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Chat") }).ClickAsync();
            await Expect(phone).ToHaveURLAsync(new Regex(@"/chat/[0-9a-f-]{36}"));
            var composer = phone.Locator("#chat-body");
            await Expect(composer).ToBeFocusedAsync();
            await Expect(phone.Locator("body")).ToHaveAttributeAsync("data-live", "connected");
            await MarkDocumentAsync(phone);
            await phone.Keyboard.TypeAsync(question);
            await phone.Keyboard.PressAsync("Enter");
            var mine = phone.Locator(".chat-msg.mine");
            await Expect(mine).ToHaveCountAsync(1);
            await Expect(mine).ToContainTextAsync(question);
            await Expect(mine.Locator(".chat-ticks")).Not.ToHaveAttributeAsync("data-state", "read");
            await browser.AssertAccessibleAsync(phone, "phone-chat-conversation");

            // The seller's open inbox and header badge count it without a reload.
            await Expect(desk.Locator("#chat-nav-count")).ToBeVisibleAsync();
            await Expect(desk.Locator("#chat-nav-count")).ToContainTextAsync("1");
            var item = desk.Locator("#chat-inbox-list .chat-inbox-item.unread");
            await Expect(item).ToContainTextAsync(buyer.FullName);
            await Expect(item).ToContainTextAsync(question);
            await Expect(item.Locator(".chat-unread")).ToContainTextAsync("1");
            await AssertSameDocumentAsync(desk, "The seller's inbox reloaded.");
            await browser.AssertAccessibleAsync(desk, "desktop-chat-inbox-unread");

            // The seller opens it: the buyer's message turns read, for the eye and for a screen reader.
            await item.GetByRole(AriaRole.Link).ClickAsync();
            await Expect(desk.Locator(".chat-msg.theirs")).ToContainTextAsync(question);
            await Expect(desk.Locator("body")).ToHaveAttributeAsync("data-live", "connected");
            await Expect(mine.Locator(".chat-ticks")).ToHaveAttributeAsync("data-state", "read");
            await Expect(mine.Locator(".chat-ticks .visually-hidden")).ToHaveTextAsync(browser.Either("Message read"));
            await Expect(desk.Locator("#chat-nav-count")).ToBeHiddenAsync();

            // The seller types: the buyer learns it; then the reply arrives on the phone.
            await desk.Locator("#chat-body").PressSequentiallyAsync("Masih");
            var typing = string.Format(browser.Indonesian("{0} is typing…"), seller.FullName);
            await Expect(phone.Locator("#chat-typing")).ToContainTextAsync(typing);
            await desk.Locator("#chat-body").FillAsync(reply);
            await desk.Locator("#chat-body").PressAsync("Enter");
            await Expect(phone.Locator(".chat-msg.theirs")).ToContainTextAsync(reply);
            await Expect(phone.Locator("#chat-typing")).ToBeEmptyAsync(new() { Timeout = 2_000 });
            await Expect(desk.Locator(".chat-msg.mine")).ToContainTextAsync(reply);

            // An image with a caption in Markdown-lite and a link: a preview and formatting on the phone.
            await desk.Locator("[data-chat-attach-input]").SetInputFilesAsync(new FilePayload { Name = "sepatu-42.png", MimeType = "image/png", Buffer = Png() });
            await Expect(desk.Locator("#chat-composer input[name=AttachmentIds]")).ToHaveCountAsync(1);
            await desk.Locator("#chat-body").FillAsync("Ini **fotonya** kak, _asli_ dari gudang: https://lapak.test/p/sepatu-42");
            await desk.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Send") }).ClickAsync();
            var picture = phone.Locator(".chat-msg.theirs").Last;
            await Expect(picture.Locator("img.chat-image")).ToHaveAttributeAsync("alt", "sepatu-42.png");
            await Expect(picture.Locator("img.chat-image")).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await picture.Locator("img.chat-image").EvaluateAsync<int>("i => i.naturalWidth") > 0, "The image preview did not load.");
            await Expect(picture.Locator("strong")).ToHaveTextAsync("fotonya");
            await Expect(picture.Locator("em")).ToHaveTextAsync("asli");
            await Expect(picture.Locator(".chat-text a")).ToHaveAttributeAsync("href", "https://lapak.test/p/sepatu-42");
            await Expect(picture.Locator(".chat-text a")).ToHaveAttributeAsync("rel", new Regex("noopener"));
            await Expect(desk.Locator("#chat-composer input[name=AttachmentIds]")).ToHaveCountAsync(0);

            await AssertSameDocumentAsync(phone, "The buyer's conversation reloaded.");
            await browser.AssertAccessibleAsync(phone, "phone-chat-conversation-live");
            await browser.AssertAccessibleAsync(desk, "desktop-chat-conversation-live");

            // A network blip on the phone: three messages sent meanwhile arrive once each, in order, without a reload.
            await phone.EvaluateAsync("() => { window.__reconnected = 0; document.addEventListener('lapak:live-connected', () => window.__reconnected++); }");
            await phone.Context.SetOfflineAsync(true);
            // Chromium's offline mode keeps an open WebSocket alive, so the socket is dropped as a lost network would.
            Assert.True(await phone.EvaluateAsync<int>("() => { const open = window.__sockets.filter(s => s.readyState === WebSocket.OPEN); open.forEach(s => s.close(4000, 'network lost')); return open.length; }") > 0,
                "The phone had no open WebSocket to drop.");
            var during = Enumerable.Range(1, 3).Select(i => $"Pesan {i} saat sinyal hilang ({tag})").ToArray();
            foreach (var text in during)
            {
                await desk.Locator("#chat-body").FillAsync(text);
                await desk.Locator("#chat-body").PressAsync("Enter");
                await Expect(desk.Locator(".chat-msg.mine:not(.pending)").Filter(new() { HasText = text })).ToHaveCountAsync(1);
            }
            await Expect(phone.Locator(".chat-msg.theirs").Filter(new() { HasText = "saat sinyal hilang" })).ToHaveCountAsync(0);
            await phone.Context.SetOfflineAsync(false);
            var arrived = phone.Locator(".chat-msg.theirs .chat-text").Filter(new() { HasText = "saat sinyal hilang" });
            await Expect(arrived).ToHaveTextAsync(during, new() { Timeout = 20_000 });
            await Expect(phone.Locator(".chat-msg.theirs")).ToHaveCountAsync(5);
            Assert.True(await phone.EvaluateAsync<int>("() => window.__reconnected") >= 1, "The phone never lost its connection: the blip tested nothing.");
            var seqs = await phone.Locator(".chat-msg[data-seq]").EvaluateAllAsync<int[]>("rows => rows.map(r => Number(r.dataset.seq))");
            Assert.Equal(seqs.Order().Distinct(), seqs);
            await AssertSameDocumentAsync(phone, "The buyer's conversation reloaded after the blip.");

            // The buyer's inbox on the phone: the conversation with the seller's last message, nothing unread.
            await phone.GotoAsync("/chat");
            var conversation = phone.Locator("#chat-inbox-list .chat-inbox-item").Filter(new() { HasText = seller.FullName });
            await Expect(conversation).ToContainTextAsync(during[2]);
            await Expect(conversation.Locator(".chat-unread")).ToHaveCountAsync(0);
            await browser.AssertAccessibleAsync(phone, "phone-chat-inbox");
        });
    }

    private const string KeepSockets = """
        window.__sockets = [];
        const Native = window.WebSocket;
        window.WebSocket = class extends Native {
          constructor(...args) { super(...args); window.__sockets.push(this); }
        };
        """;

    /// <summary>Marks this document: still there later means nobody reloaded the page.</summary>
    private static Task MarkDocumentAsync(IPage page) => page.EvaluateAsync("() => { window.__sameDocument = true; }");

    private static async Task AssertSameDocumentAsync(IPage page, string message) =>
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), message);

    /// <summary>A small real PNG (the server decodes images before it accepts them).</summary>
    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(64, 48);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x1f, 0x7a, 0x8c));
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawCircle(32, 24, 16, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
