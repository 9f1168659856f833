using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;

namespace CucThongKe.Office.Incidents;

/// <summary>The <c>Incidents</c> step: past incidents (a demo, or a log kept on paper before the site), checked as the form checks them.</summary>
/// <remarks>Refused in the back office: the log is what the technical staff and the site wrote, and an uploaded file must not add to it.</remarks>
internal sealed class IncidentsRecipeStep(CmsDbContext db, TimeProvider clock) : IRecipeStep
{
    public string Name => "Incidents";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (context.Options.IsBackOffice)
        {
            throw context.Error("", "công thức chạy trong trang quản trị không được ghi nhật ký sự cố: hãy ghi sự cố ở trang Sự cố kỹ thuật (/admin/su-co).");
        }

        var model = context.Read<StepModel>();
        for (var i = 0; i < model.Incidents.Count; i++)
        {
            var input = model.Incidents[i];
            var path = $".Incidents[{i}]";
            try
            {
                IncidentLog.Check(input);
            }
            catch (IncidentInputException ex)
            {
                throw context.Error(path, ex.Message);
            }

            if (input.ReportedBy is { Length: > 256 } || input.HandledBy is { Length: > 256 })
            {
                throw context.Error(path, "người ghi, người xử lý tối đa 256 ký tự.");
            }

            var occurred = input.OccurredUtc?.UtcDateTime ?? clock.GetUtcNow().UtcDateTime;
            var incident = new Incident
            {
                Title = "",
                Description = "",
                OccurredUtc = DateTime.SpecifyKind(occurred, DateTimeKind.Utc),
                LastSeenUtc = DateTime.SpecifyKind(occurred, DateTimeKind.Utc),
                ReportedBy = input.ReportedBy,
            };
            IncidentLog.Apply(incident, input, input.HandledBy, input.ResolvedUtc?.UtcDateTime ?? occurred);
            db.Add(incident);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed class StepModel
    {
        public List<IncidentRecipeInput> Incidents { get; set; } = [];
    }
}

/// <summary>An incident of the <c>Incidents</c> recipe step: the form's fields, with when it happened and who recorded and handled it.</summary>
public sealed class IncidentRecipeInput : IncidentInput
{
    public DateTimeOffset? OccurredUtc { get; set; }

    public DateTimeOffset? ResolvedUtc { get; set; }

    public string? ReportedBy { get; set; }

    public string? HandledBy { get; set; }
}
