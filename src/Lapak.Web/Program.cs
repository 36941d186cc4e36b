using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure;
using Lapak.Web.Infrastructure.Realtime;
using Lapak.Web.Infrastructure.Startup;
using Lapak.Web.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);
ConfigurationValidation.EnsureValid(builder.Configuration);

// Infrastructure shared by every feature.
builder.AddLapakInfrastructure();

// Features: each registers its own services, templates and listeners.
builder.Services.AddAccounts();
builder.Services.AddNotifications(builder.Configuration);

var app = builder.Build();
await app.InitializeDatabaseAsync();

app.UseLapakPipeline();

app.MapAccounts();
app.MapNotifications();
app.MapHub<LiveHub>("/hubs/live");
app.MapLapakHealthChecks();
app.MapLapakApiReference();
app.MapRazorPages();
app.MapLapakFallbacks();

app.Run();

/// <summary>Visible to the test host (<c>WebApplicationFactory&lt;Program&gt;</c>).</summary>
public partial class Program;
