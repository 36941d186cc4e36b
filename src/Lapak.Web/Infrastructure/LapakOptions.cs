using System.ComponentModel.DataAnnotations;

namespace Lapak.Web.Infrastructure;

/// <summary>Site-wide settings (section <c>Lapak</c>).</summary>
public sealed class LapakOptions
{
    public const string Section = "Lapak";

    /// <summary>The address users reach Lapak at; links in e-mails are built from it.</summary>
    [Required, Url] public string PublicUrl { get; set; } = "http://localhost:5000";

    /// <summary>Where uploaded files are kept (relative to the content root unless absolute).</summary>
    [Required] public string FilesPath { get; set; } = "data/files";
}

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";
    /// <summary>Sign-in, registration and password-reset attempts per client IP per minute.</summary>
    [Range(1, 100000)] public int AuthPerMinute { get; set; } = 10;
    /// <summary>API requests per caller (user or IP) per minute.</summary>
    [Range(1, 1000000)] public int ApiPerMinute { get; set; } = 600;
}
