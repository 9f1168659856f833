using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CucThongKe.Core.Mail;

/// <summary>One plain-text email to one person.</summary>
public sealed record CmsMail(string ToAddress, string? ToName, string Subject, string Body);

/// <summary>Sends the site's email; modules use it for notifications and account messages.</summary>
public interface ICmsMailSender
{
    /// <summary>False when no SMTP server is configured: nothing can be sent.</summary>
    bool IsConfigured { get; }

    /// <summary>Sends the mails over one SMTP connection, calling <paramref name="sent"/> after each one leaves.</summary>
    Task SendAsync(IReadOnlyList<CmsMail> mails, Func<CmsMail, Task>? sent = null, CancellationToken cancellationToken = default);
}

/// <summary>SMTP through MailKit, with the settings of <see cref="MailOptions"/>.</summary>
internal sealed class SmtpCmsMailSender(IOptionsMonitor<MailOptions> options) : ICmsMailSender
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.CurrentValue.Host);

    public async Task SendAsync(IReadOnlyList<CmsMail> mails, Func<CmsMail, Task>? sent = null, CancellationToken cancellationToken = default)
    {
        var settings = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(settings.Host) || mails.Count == 0)
        {
            return;
        }

        using var smtp = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(settings.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;
        await smtp.ConnectAsync(settings.Host, settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }

        foreach (var mail in mails)
        {
            using var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(settings.From));
            message.To.Add(new MailboxAddress(mail.ToName ?? mail.ToAddress, mail.ToAddress));
            message.Subject = mail.Subject;
            message.Body = new TextPart("plain") { Text = mail.Body };
            await smtp.SendAsync(message, cancellationToken);
            if (sent is not null)
            {
                await sent(mail);
            }
        }

        await smtp.DisconnectAsync(quit: true, cancellationToken);
    }
}
