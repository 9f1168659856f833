namespace CucThongKe.Core.Mail;

/// <summary>SMTP settings of the site's outgoing email (section <c>Cms:Mail</c>); no host means no email.</summary>
public sealed class MailOptions
{
    public const string SectionName = "Cms:Mail";

    /// <summary>The SMTP server; empty turns email off.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary><c>Auto</c>, <c>None</c>, <c>StartTls</c> or <c>SslOnConnect</c>.</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>Trang TTĐT Cục Thống kê &lt;noreply@example.vn&gt;</c>.</summary>
    public string From { get; set; } = "noreply@localhost";

    /// <summary>How often unsent workflow notifications are looked for.</summary>
    public int PollSeconds { get; set; } = 30;
}
