namespace CucThongKe.Office.Obligations;

/// <summary>The settings of reporting obligations (section <c>Cms:Office:Obligations</c>).</summary>
public sealed class ObligationOptions
{
    public const string SectionName = "Cms:Office:Obligations";

    /// <summary>Whether this node runs the scheduler (a node that only serves pages, or a test driving rounds itself, turns it off).</summary>
    public bool RunScheduler { get; set; } = true;

    /// <summary>How often the scheduler looks (new periods, submissions, reminders, overdue entries) when nothing wakes it.</summary>
    public int PollSeconds { get; set; } = 300;

    /// <summary>How many days before the due date the unit is reminded.</summary>
    public int ReminderDays { get; set; } = 3;

    /// <summary>After how many days past the due date an entry still not fulfilled counts as missed (a later submission fills the next period).</summary>
    public int MissedAfterDays { get; set; } = 30;

    /// <summary>The unit's roles reminded before the due date (within the unit only).</summary>
    public List<string> ReminderRoles { get; set; } = ["UnitHead", "Contributor"];

    /// <summary>Roles told of every overdue entry, beside the unit's head.</summary>
    public List<string> OverdueRoles { get; set; } = ["BoardHead", "BoardSecretary"];

    /// <summary>Formerly this module's own calendar: now added to Core's <c>Cms:Calendar:ExtraDaysOff</c> (the site's one working
    /// calendar), where new sites set them; kept so that a site configured here keeps its days.</summary>
    public List<DateOnly> ExtraDaysOff { get; set; } = [];

    /// <summary>Formerly this module's own: now added to Core's <c>Cms:Calendar:ExtraWorkingDays</c> (see <see cref="ExtraDaysOff"/>).</summary>
    public List<DateOnly> ExtraWorkingDays { get; set; } = [];
}
