namespace Lapak.Web.Features.Helpdesk.Reports;

/// <summary>Helpdesk reports: the facts the figures come from, the queries, the page, the API and the exports.</summary>
public static class ReportsSetup
{
    public static IServiceCollection AddHelpdeskReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section);
        services.AddSingleton<ReportFactsUpdater>();
        services.AddHostedService<ReportFactsService>();
        services.AddScoped<ReportScope>();
        services.AddScoped<ReportQueries>();
        services.AddScoped<ReportTables>();
        services.AddScoped<ReportExports>();
        services.AddScoped<ReportService>();
        return services;
    }

    public static IEndpointRouteBuilder MapHelpdeskReports(this IEndpointRouteBuilder app)
    {
        app.MapReportEndpoints();
        return app;
    }
}
