using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CucThongKe.Core.Hosting;

/// <summary>
/// A refusal the site answers with a 4xx (or 503), never a 500: its status, the short title of a problem-details
/// answer, the sentence a person reads, and what a program reads beside it.
/// </summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Title">The problem's title (short, per status: "Xung đột", "Không được phép"...).</param>
/// <param name="Message">The sentence a page shows (usually the exception's own message).</param>
public sealed record Failure(int Status, string Title, string Message)
{
    /// <summary>The problem's detail when it differs from <see cref="Message"/> (e.g. a summary beside an error list).</summary>
    public string? Detail { get; init; }

    /// <summary>Members added to the problem document (e.g. <c>errors</c>).</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>The one way a failure becomes an API answer: problem details with its status, title and detail.</summary>
    public IResult ToProblem() =>
        Results.Problem(detail: Detail ?? Message, statusCode: Status, title: Title,
            extensions: Extensions is null ? null : new Dictionary<string, object?>(Extensions));
}

/// <summary>The titles of the problem documents the site answers, one per status (also used by endpoints that refuse without an exception).</summary>
public static class FailureTitles
{
    public const string BadRequest = "Yêu cầu không hợp lệ";

    public const string Forbidden = "Không được phép";

    public const string NotFound = "Không tìm thấy";

    public const string Conflict = "Xung đột";
}

/// <summary>
/// The one table from exception to HTTP status. Each module declares its own exception types in its startup class
/// (<see cref="FailureStatusRegistration.AddFailureStatus{TException}(IServiceCollection, int, string, Func{TException, string}?)"/>);
/// <see cref="RequestFailureMiddleware"/> answers any of them that an endpoint or page lets through, and pages that show
/// the refusal in place (the form stays filled) catch them with <see cref="Describe"/> and <see cref="PageFailures.ShowFailure"/>.
/// </summary>
public sealed class FailureStatuses
{
    private readonly FrozenDictionary<Type, Func<Exception, Failure>> _byType;

    public FailureStatuses(IEnumerable<FailureStatus> entries)
    {
        var byType = new Dictionary<Type, Func<Exception, Failure>>();
        foreach (var entry in entries)
        {
            // Two modules mapping the same type would make the answer depend on the order of modules: refuse at start-up.
            if (!byType.TryAdd(entry.ExceptionType, entry.Describe))
            {
                throw new InvalidOperationException($"{entry.ExceptionType.FullName} has two HTTP statuses; declare it once, in the module that owns it.");
            }
        }

        _byType = byType.ToFrozenDictionary();
    }

    /// <summary>The failure <paramref name="exception"/> stands for, or null when it is not a declared refusal (a bug: a 500).</summary>
    /// <remarks>The nearest declared type wins: an exception derived from a declared one answers like it.</remarks>
    public Failure? Describe(Exception exception)
    {
        for (var type = exception.GetType(); type is not null && type != typeof(Exception); type = type.BaseType)
        {
            if (_byType.TryGetValue(type, out var describe))
            {
                return describe(exception);
            }
        }

        return null;
    }
}

/// <summary>One row of <see cref="FailureStatuses"/>, registered by <see cref="FailureStatusRegistration.AddFailureStatus{TException}(IServiceCollection, int, string, Func{TException, string}?)"/>.</summary>
public sealed record FailureStatus(Type ExceptionType, Func<Exception, Failure> Describe);

/// <summary>How a module declares the status of its exceptions.</summary>
public static class FailureStatusRegistration
{
    /// <summary>Declares that <typeparamref name="TException"/> answers <paramref name="status"/> with <paramref name="title"/>;
    /// the message is the exception's own unless <paramref name="message"/> says otherwise.</summary>
    public static IServiceCollection AddFailureStatus<TException>(this IServiceCollection services, int status, string title, Func<TException, string>? message = null)
        where TException : Exception =>
        services.AddFailureStatus<TException>(ex => new Failure(status, title, message?.Invoke(ex) ?? ex.Message));

    /// <summary>Declares the whole failure of <typeparamref name="TException"/> (a problem detail or extensions of its own).</summary>
    public static IServiceCollection AddFailureStatus<TException>(this IServiceCollection services, Func<TException, Failure> describe)
        where TException : Exception
    {
        services.TryAddSingleton<FailureStatuses>();
        services.AddSingleton(new FailureStatus(typeof(TException), ex => describe((TException)ex)));
        return services;
    }
}

/// <summary>The one way a page shows a refusal in place of a 500.</summary>
public static class PageFailures
{
    /// <summary>Answers the page with the failure's status; returns the sentence to show on it.</summary>
    public static string ShowFailure(this PageModel page, Failure failure)
    {
        page.Response.StatusCode = failure.Status;
        return failure.Message;
    }
}
