namespace Lapak.Web.Features.Helpdesk.Inbound;

/// <summary>
/// Why an e-mail became nothing, in English: stored in <see cref="InboundEmail.Detail"/> and translated when the
/// admin page shows it (an exception's own message is shown as it is).
/// </summary>
public static class InboundReasons
{
    /// <summary>Stays only when handling stopped half-way (the change itself was rolled back).</summary>
    public const string Processing = "Handling did not finish, or is running right now.";
    public const string NoSender = "The e-mail has no sender address.";
    public const string AutoReply = "An automatic reply or a bounce; ignored so that no mail loop starts.";
    public const string FromUs = "Sent by Lapak itself; ignored so that no mail loop starts.";
    public const string NotAllowed = "The sender is neither the ticket's customer nor staff working on it, so the e-mail was not added to the ticket.";
    public const string Empty = "Nothing is left of the reply once the quoted text is removed.";
    public const string Closed = "The ticket is closed; the sender was told to open a new ticket.";
    public const string Inactive = "The sender's account is deactivated.";
    public const string TooLarge = "The e-mail is larger than Helpdesk:Inbound:MaxMessageBytes, so it was not read.";
    public const string MailingList = "A mailing-list or newsletter mail; ignored.";
    public const string TooManyAccounts = "Too many accounts were created by e-mail in the last hour, so no account was made for this sender.";
    public const string TooManyTickets = "This sender opened too many tickets by e-mail in the last hour.";
    public const string UnverifiedStaff = "Unverified staff sender: the receiving mail server did not confirm (DMARC) that the e-mail really comes from this staff address.";
    public const string LockedOut = "The sender's account is locked.";
    public const string BadAddress = "The sender's address cannot be used for an account.";
    public const string Unreadable = "The e-mail could not be read or recorded; it was moved to the failed folder.";
    public const string NoRequestType = "No active request type can take e-mail tickets: set Helpdesk:Inbound:DefaultRequestType.";
}
