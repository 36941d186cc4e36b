using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat;
using Lapak.Web.Features.Helpdesk;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure;
using Lapak.Web.Infrastructure.Realtime;
using Lapak.Web.Infrastructure.Startup;
using Lapak.Web.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);
if (!ConfigurationValidation.IsValid(builder.Configuration)) return 2; // one line per problem, no stack trace

// Infrastructure shared by every feature.
builder.AddLapakInfrastructure();

// Features: each registers its own services, templates and listeners.
builder.Services.AddAccounts();
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddHelpdesk();
builder.Services.AddChat();

var app = builder.Build();
await app.InitializeDatabaseAsync();

app.UseLapakPipeline();

app.MapAccounts();
app.MapNotifications();
app.MapHelpdesk();
app.MapChat();
app.MapHub<LiveHub>("/hubs/live");
app.MapLapakHealthChecks();
app.MapLapakApiReference();
app.MapRazorPages();

app.Run();
return 0;

/// <summary>Visible to the test host (<c>WebApplicationFactory&lt;Program&gt;</c>).</summary>
public partial class Program;
