using Microsoft.AspNetCore.Mvc;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>The ticket page's part for files and "How did we do?".</summary>
public sealed partial class TicketDetailsModel
{
    /// <summary>What the customer posted as a rating, shown again when it needs a fix.</summary>
    public RateTicket.Command RatingInput { get; private set; } = new();

    public async Task<IActionResult> OnPostRateAsync(string code, [FromForm(Name = "Rating")] RateTicket.Command rating, [FromServices] RateTicket.Handler rate)
    {
        var ticket = await access.FindAsync(User, code);
        if (ticket is null) return NotFound();
        RatingInput = rating;
        // The reply form's fields are not part of this post; only the rating is checked.
        ModelState.Clear();
        if (!TryValidateModel(rating, "Rating"))
        {
            await LoadAsync(ticket);
            return Page();
        }

        var (_, problem) = await rate.HandleAsync(User, ticket, rating);
        if (problem == RateTicket.Problem.AlreadyRated)
        {
            TempData["Flash"] = l["You have already rated this resolution. Thank you!"].Value;
            return Redirect(Address(ticket.Code) + "#rate");
        }
        if (problem != RateTicket.Problem.None)
        {
            Problem = problem == RateTicket.Problem.NotCustomer ? l["Only the customer of the ticket can rate it."] : l["A ticket can be rated once it is resolved."];
            await LoadAsync(ticket);
            return Page();
        }
        TempData["Flash"] = l["Thank you for your rating! It helps us get better."].Value;
        return Redirect(Address(ticket.Code) + "#rate");
    }

    private void AddFileErrors(IEnumerable<string> errors)
    {
        foreach (var error in errors) ModelState.AddModelError(TicketFiles.Field, error);
    }
}
