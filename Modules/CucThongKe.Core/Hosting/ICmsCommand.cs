namespace CucThongKe.Core.Hosting;

/// <summary>A command-line verb a module brings (<c>dotnet run -- VERB ...</c>); registered with <c>AddCommand&lt;T&gt;()</c>.</summary>
/// <remarks>Commands run after start-up checks and migrations (unless <see cref="BeforeStartup"/>), in a process that does not serve requests.</remarks>
public interface ICmsCommand
{
    /// <summary>The first argument that selects the command (e.g. "search").</summary>
    string Verb { get; }

    /// <summary>Runs before start-up's checks, migrations and setup (a restore into an empty site); false for almost every command.</summary>
    bool BeforeStartup => false;

    /// <summary>One line of usage, in Vietnamese, shown when the arguments are wrong.</summary>
    string Usage { get; }

    /// <param name="args">Every argument, the verb included.</param>
    /// <returns>The process exit code: 0 for success, 2 for wrong arguments or a refused action.</returns>
    Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken);
}
