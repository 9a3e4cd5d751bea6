using Microsoft.Extensions.DependencyInjection.Extensions;
using TrackStack.Households.Contracts;
using TrackStack.Identity.Contracts;
using TrackStack.Metrics.Contracts;
using TrackStack.Reports.Features.ChooseDigests;
using TrackStack.Reports.Features.CreateSchedule;
using TrackStack.Reports.Features.EmailAlerts;
using TrackStack.Reports.Features.DeleteSchedule;
using TrackStack.Reports.Features.GetMyDigests;
using TrackStack.Reports.Features.GetSchedule;
using TrackStack.Reports.Features.KeepRecipients;
using TrackStack.Reports.Features.ListDeliveries;
using TrackStack.Reports.Features.ListSchedules;
using TrackStack.Reports.Features.PreviewDigest;
using TrackStack.Reports.Features.PreviewReport;
using TrackStack.Reports.Features.PreviewSendTimes;
using TrackStack.Reports.Features.ReplaceSchedule;
using TrackStack.Reports.Features.SendDigestNow;
using TrackStack.Reports.Features.SendDueReports;
using TrackStack.Reports.Features.SendReportNow;
using TrackStack.Reports.Features.UnsubscribeFromReport;
using TrackStack.Reports.Features.ConfirmGuest;

namespace TrackStack.Reports;

/// <summary>Scheduled e-mail reports of a dashboard (charts drawn on the server, the data as CSV) and the built-in
/// digests each member chooses (ADR 31), under
/// /api/households/{householdId}/reports/... Reads dashboards and metrics in-process (ADR 26).</summary>
public static class ReportsModule
{
    public const string Name = "reports";

    /// <summary>The clock the schedules run on: the host's clock unless a test moves it on its own (access tokens and
    /// sessions keep the host's clock).</summary>
    public const string Clock = "reports-clock";

    public static ModuleDefinition Definition { get; } = new(Name, (s, c) => s.AddReportsModule(c), a => a.MapReportsModule())
    {
        Routes = [ModuleRoute.HouseholdData(Name), new("/api/reports")],
    };

    public static IServiceCollection AddReportsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<ReportsDb>(ReportsDb.Module);
        services.TryAddKeyedSingleton<TimeProvider>(Clock, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.AddModuleOptions<ReportsOptions>(configuration, ReportsOptions.Section);
        services.AddHouseholdDataDeletion<ReportsDb>(Name);
        services.AddHouseholdContextProjection<ReportsDb>(Name);
        services.AddEventHandler<ReportsDb, UserRegistered, KeepRecipients>(KeepRecipients.Registered);
        services.AddEventHandler<ReportsDb, UserDeleted, KeepRecipients>(KeepRecipients.Deleted);
        services.AddEventHandler<ReportsDb, MemberJoined, KeepRecipients>(KeepRecipients.Joined);
        services.AddEventHandler<ReportsDb, MemberRoleChanged, KeepRecipients>(KeepRecipients.RoleChanged);
        services.AddEventHandler<ReportsDb, MemberRemoved, KeepRecipients>(KeepRecipients.Removed);
        services.AddEventHandler<ReportsDb, AlertFired, EmailAlerts>(EmailAlerts.Fired);
        services.AddEventHandler<ReportsDb, AlertResolved, EmailAlerts>(EmailAlerts.Resolved);
        services.AddScoped<ReportBuilder>();
        services.AddScoped<DigestBuilder>();
        services.AddScoped<ReportSender>();
        services.AddScoped<ReportGuests>();
        services.AddSingleton<ReportLinks>();
        services.AddSingleton<SendDueReports>();
        services.AddHostedService(sp => sp.GetRequiredService<SendDueReports>());
        return services;
    }

    /// <summary>The order here is the order of the OpenAPI document.</summary>
    public static IEndpointRouteBuilder MapReportsModule(this IEndpointRouteBuilder app)
    {
        var group = app.MapHouseholdGroup(Name).WithTags("Reports");
        group.MapListSchedules();
        group.MapCreateSchedule();
        group.MapGetSchedule();
        group.MapReplaceSchedule();
        group.MapDeleteSchedule();
        group.MapPreviewSendTimes();
        group.MapSendReportNow();
        group.MapPreviewReport();
        group.MapListDeliveries();
        group.MapGetMyDigests();
        group.MapChooseDigests();
        group.MapSendDigestNow();
        group.MapPreviewDigest();
        app.MapUnsubscribeFromReport();
        app.MapConfirmGuest();
        return app;
    }
}
