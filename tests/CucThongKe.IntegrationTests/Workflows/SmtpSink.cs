using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CucThongKe.Core.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Workflows;

/// <summary>A minimal SMTP server on loopback that keeps every message it is given (for tests of outgoing email).</summary>
public sealed class SmtpSink : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public SmtpSink()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Points the site's mail at this sink; notifications are mailed every <paramref name="pollSeconds"/> seconds.</summary>
    public void Serve(IServiceCollection services, int pollSeconds = 1) => services.Configure<MailOptions>(o =>
    {
        o.Host = "127.0.0.1";
        o.Port = Port;
        o.Security = "None";
        o.From = "Trang TTĐT Cục Thống kê <noreply@example.vn>";
        o.PollSeconds = pollSeconds;
    });

    /// <summary>Each message: the recipients and the raw data.</summary>
    public ConcurrentQueue<(List<string> To, string Data)> Messages { get; } = new();

    /// <summary>The message as its reader's mail program shows it: every header and the text and HTML bodies, decoded. A
    /// long line goes out quoted-printable, with soft breaks that can fall inside an address or a code, so a test reads
    /// this, not the raw data.</summary>
    public static string TextOf(string data)
    {
        var message = MessageOf(data);
        return string.Join("\n", message.Headers.Select(h => h.Field + ": " + h.Value).Append(message.TextBody).Append(message.HtmlBody));
    }

    /// <summary>The message parsed from the raw data the sink kept.</summary>
    public static MimeKit.MimeMessage MessageOf(string data) => MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(data)));

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost SMTP sink");
        var to = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-localhost");
                    await writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "HELO":
                case "MAIL":
                case "RSET":
                case "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    to.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('<', '>'));
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        data.AppendLine(dataLine);
                    }

                    Messages.Enqueue((to, data.ToString()));
                    to = [];
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 Command not implemented");
                    break;
            }
        }
    }
}
