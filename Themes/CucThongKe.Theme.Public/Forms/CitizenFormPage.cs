using CucThongKe.CitizenServices;
using CucThongKe.CitizenServices.Forms;
using CucThongKe.Core.Hosting;
using CucThongKe.OutputCache;
using CucThongKe.Users.Units;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CucThongKe.Theme.Public.Forms;

/// <summary>What the shared fields of the citizens' forms (_SenderFields, _ConsentFields) show.</summary>
public interface ICitizenForm
{
    CitizenFormInput Sender { get; }

    IReadOnlyList<Unit> Units { get; }

    /// <summary>Whether the unit list offers "Không rõ đơn vị phụ trách" (<see cref="CitizenUnits.Unknown"/>: the triage unit).</summary>
    bool OffersUnknownUnit { get; }

    string Token { get; }

    /// <summary>What the citizen sends, in the unit label ("hỏi", "góp ý").</summary>
    string Topic { get; }

    /// <summary>What the personal data is handled for, in the consent label.</summary>
    string ConsentPurpose { get; }
}

/// <summary>A citizen's form (a question, feedback): the units to write to, server-side checks, anti-spam, never cached, rate-limited.</summary>
[EnableRateLimiting(CitizenServicesModule.FormsRateLimit)]
public abstract class CitizenFormPage<TInput>(FormToken tokens, CitizenUnits units, FailureStatuses failures) : PageModel, ICitizenForm
    where TInput : CitizenFormInput, new()
{
    [BindProperty]
    public TInput Input { get; set; } = new();

    /// <summary>The departments and branches a citizen can write to.</summary>
    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public bool OffersUnknownUnit { get; private set; }

    public string Token { get; private set; } = "";

    public string? FormError { get; private set; }

    CitizenFormInput ICitizenForm.Sender => Input;

    public abstract string Topic { get; }

    public abstract string ConsentPurpose { get; }

    /// <summary>Why the sender must consent, in the error shown when they did not.</summary>
    protected abstract string ConsentMessage { get; }

    /// <summary>What a robot that filled in the honeypot is told.</summary>
    protected abstract string RefusedMessage { get; }

    /// <summary>Sets the title, description and breadcrumb.</summary>
    protected abstract void Describe();

    /// <summary>Loads the units and a fresh token; the page is never stored in the output cache.</summary>
    protected async Task PrepareAsync(CancellationToken cancellationToken)
    {
        CacheTags.DoNotStore(HttpContext);
        Token = tokens.Issue();
        Units = await units.ListAsync(cancellationToken);
        OffersUnknownUnit = await units.OffersUnknownAsync(cancellationToken);
        Describe();
    }

    /// <summary>The unit the message goes to (the chosen one, or the triage unit for "không rõ") when the form passes every check; otherwise null, with the answer set to 400.</summary>
    protected async Task<Unit?> AcceptAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        var unit = await units.ResolveAsync(Input.UnitId, cancellationToken);
        if (unit is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.UnitId)}", "Xin vui lòng chọn đơn vị hoặc lĩnh vực.");
        }

        if (!Input.Consent)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Consent)}", ConsentMessage);
        }

        // The honeypot is hidden from people; only robots fill it in.
        FormError = !string.IsNullOrEmpty(Input.Website) ? RefusedMessage : tokens.Check(Input.Token);
        if (FormError is not null || !ModelState.IsValid || unit is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }

        return unit;
    }

    /// <summary>Saves through <paramref name="save"/> (which returns the tracking code) and goes to <paramref name="statusPage"/> with it;
    /// a refusal (the form already sent, a choice not in the list) is shown on the form with its 4xx, nothing stored.</summary>
    protected async Task<IActionResult> SaveAsync(Func<Task<string>> save, string statusPage)
    {
        try
        {
            return Redirect($"{statusPage}?ma={await save()}&moi=1");
        }
        catch (Exception ex) when (failures.Describe(ex) is { } failure)
        {
            FormError = this.ShowFailure(failure);
            return Page();
        }
    }

    /// <summary>The sender's name, email and phone as they are stored (trimmed, NFC).</summary>
    protected (string Name, string Email, string? Phone) Sender() =>
        (Input.Name!.Trim(), Input.Email!.Trim(), string.IsNullOrWhiteSpace(Input.Phone) ? null : Input.Phone.Trim());

    /// <summary>A multi-line text as it is stored: Unix line ends, trimmed, NFC.</summary>
    protected static string Text(string value) => value.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
