using System.ComponentModel.DataAnnotations;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>Limits for files attached to tickets (section <c>Helpdesk:Attachments</c>).</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Helpdesk:Attachments";

    /// <summary>The largest file accepted, in bytes (10 MB by default).</summary>
    [Range(1, 100 * 1024 * 1024)] public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How many files one message (or the opening of a ticket) may carry.</summary>
    [Range(1, 20)] public int MaxFilesPerMessage { get; set; } = 5;

    /// <summary>The largest request that can carry a full set of files plus the message around them.</summary>
    public long MaxRequestBytes => MaxFileBytes * MaxFilesPerMessage + 1024 * 1024;
}
