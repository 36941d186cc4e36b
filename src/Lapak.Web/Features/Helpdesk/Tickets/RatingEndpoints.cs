using Lapak.Web.Infrastructure.Api;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary><c>POST /api/v1/tickets/{code}/rating</c>: the customer's "How did we do?".</summary>
public static class RatingEndpoints
{
    public static void MapRatingEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/tickets").WithTags("Helpdesk").RequireAuthorization();
        g.MapPost("/{code}/rating", Rate).WithName("RateTicket")
            .WithSummary("Rate the ticket's resolution 1–5 with an optional comment (its customer only; 409 before resolution or when this resolution is rated)");
    }

    public static async Task<Results<Created<TicketRatingView>, NotFound, ValidationProblem, ProblemHttpResult>> Rate(string code, RateTicket.Command command,
        HttpContext http, TicketAccess access, RateTicket.Handler handler, LapakText text)
    {
        var ticket = await access.FindAsync(http.User, code);
        if (ticket is null) return TypedResults.NotFound();
        var errors = ApiValidation.Errors(command, text);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var (rating, problem) = await handler.HandleAsync(http.User, ticket, command);
        return problem switch
        {
            RateTicket.Problem.NotCustomer => TypedResults.Problem(text.Get("Only the customer of the ticket can rate it."), statusCode: StatusCodes.Status403Forbidden),
            RateTicket.Problem.NotResolved => TypedResults.Problem(text.Get("A ticket can be rated once it is resolved."), statusCode: StatusCodes.Status409Conflict),
            RateTicket.Problem.AlreadyRated => TypedResults.Problem(text.Get("You have already rated this resolution. Thank you!"), statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Created($"/api/v1/tickets/{ticket.Code}",
                new TicketRatingView(rating!.Score, rating.Comment, rating.CreatedAt, rating.ResolvedAt, null)),
        };
    }
}
