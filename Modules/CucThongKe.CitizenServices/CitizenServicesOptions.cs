namespace CucThongKe.CitizenServices;

/// <summary>The <c>Cms:CitizenServices</c> section.</summary>
public sealed class CitizenServicesOptions
{
    public const string SectionName = "Cms:CitizenServices";

    /// <summary>
    /// The unit that receives what a citizen sends without knowing which unit is in charge ("Không rõ đơn vị phụ trách"),
    /// and moves it on (triage); an id of the units table. Empty: the forms do not offer the choice.
    /// </summary>
    public string? TriageUnitId { get; set; } = "van-phong";

    /// <summary>The roles of a unit whose members are e-mailed when feedback reaches the unit (with the unit head's address of
    /// the units table), as the question's workflow notifies its first state.</summary>
    public string[] FeedbackNotifyRoles { get; set; } = ["UnitHead", "Contributor"];

    /// <summary>How often (seconds) the queue of citizen mail (answers, replies, notices to units) is looked at when nothing woke it.</summary>
    public int MailPollSeconds { get; set; } = 30;

    /// <summary>Attempts of one mail before it is given up (kept, marked); between attempts the wait grows from 1 minute, 5 times each time.</summary>
    public int MailMaxAttempts { get; set; } = 6;

    /// <summary>The most unsent mails the queue holds: past it a new mail is dropped (logged, with an incident line for the
    /// operator), so a mail server down for long or a flood of forms cannot fill the database.</summary>
    public int MailMaxQueued { get; set; } = 5000;

    /// <summary>Satisfaction votes (<c>/danh-gia</c>) one address may post in ten minutes; reading is free.</summary>
    public int RatingsPerTenMinutes { get; set; } = 10;
}
