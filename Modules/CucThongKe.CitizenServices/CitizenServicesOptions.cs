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
}
