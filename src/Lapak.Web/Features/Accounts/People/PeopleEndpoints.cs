using Microsoft.AspNetCore.Http.HttpResults;

namespace Lapak.Web.Features.Accounts.People;

/// <summary><c>GET /api/v1/people/{id}</c>: the public profile with its chat figures, for any signed-in user.</summary>
public static class PeopleEndpoints
{
    public static void MapPeopleEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/people/{id:guid}", Get).WithTags("Chat").RequireAuthorization().WithName("GetPerson")
            .WithSummary("A user's public profile: name, photo, member since, seller/support badges, usual reply time and response rate (last 30 days; null without data)");

    public static async Task<Results<Ok<PersonView>, NotFound>> Get(Guid id, PersonProfile profiles, CancellationToken ct) =>
        await profiles.FindAsync(id, ct) is { } person ? TypedResults.Ok(person) : TypedResults.NotFound();
}
