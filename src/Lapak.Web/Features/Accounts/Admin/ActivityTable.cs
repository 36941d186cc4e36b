namespace Lapak.Web.Features.Accounts.Admin;

/// <summary>Rows of the activity log with their subjects resolved, for the log page and a user's page.</summary>
public sealed record ActivityTable(IReadOnlyList<ActivityEntry> Entries, IReadOnlyDictionary<string, SubjectLink> Subjects, string Caption);
