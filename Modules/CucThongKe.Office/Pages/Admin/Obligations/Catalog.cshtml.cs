using CucThongKe.Core.Admin;
using CucThongKe.Core.Security;
using CucThongKe.Office.Obligations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Office.Pages.Admin.Obligations;

/// <summary>The catalogue of obligations, for the board and the administrator who define them.</summary>
[Authorize(Policy = "ManageObligations")]
public sealed class CatalogModel(ObligationCatalog catalog, IUnitDirectory units, DisplayNames names) : PageModel
{
    public IReadOnlyList<ReportingObligation> Obligations { get; private set; } = [];

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    /// <summary>Every unit's name by id, retired ones too (old rows name them); <see cref="Units"/> are those to choose from.</summary>
    private IReadOnlyDictionary<string, string> UnitNames { get; set; } = new Dictionary<string, string>();

    public string UnitName(string id) => UnitNames.GetValueOrDefault(id, id);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Units = await units.ListActiveAsync(cancellationToken);
        UnitNames = await names.AllAsync(DisplayNameKinds.Unit, cancellationToken);
        Obligations = await catalog.ListAsync(null, cancellationToken);
    }

    public static string Describe(ReportingObligation o)
    {
        var frequency = o.Frequency switch
        {
            ObligationFrequency.Monthly => "hằng tháng",
            ObligationFrequency.Quarterly => "hằng quý",
            ObligationFrequency.HalfYearly => "6 tháng",
            _ => "hằng năm",
        };
        var due = o.DueRule switch
        {
            DueRuleKind.WorkingDaysAfter => $"{o.DueDay} ngày làm việc sau khi hết kỳ",
            DueRuleKind.FixedDate => $"ngày {o.DueDay:00}/{o.DueMonth:00} sau khi hết kỳ",
            _ when o.MonthsAfter == 0 => $"ngày {o.DueDay} tháng cuối kỳ",
            _ => $"ngày {o.DueDay} của tháng thứ {o.MonthsAfter} sau kỳ",
        };
        return frequency + ", hạn " + due;
    }
}
