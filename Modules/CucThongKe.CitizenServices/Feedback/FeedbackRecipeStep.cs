using CucThongKe.CitizenServices.Forms;
using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;

namespace CucThongKe.CitizenServices.Feedback;

/// <summary>The <c>Feedback</c> step (the demo's feedback, so the inbox and the summary are not empty): <c>Entries: [{ UnitId
/// (or "khong-ro"), SenderName, SenderEmail?, Content, CategoryId?, Status?, Reply?, RepliedBy? }]</c>. Each entry goes the
/// way of the public form (its case opens and its unit is told), then the unit's desk classes it and, with a reply, answers it.</summary>
internal sealed class FeedbackRecipeStep(CitizenInbox inbox, CitizenUnits units, FeedbackDesk desk) : IRecipeStep
{
    private const int MaxEntries = 200;

    public string Name => "Feedback";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var model = context.Read<StepModel>();
        if (model.Entries.Count > MaxEntries)
        {
            throw context.Error(".Entries", $"Tối đa {MaxEntries} góp ý.");
        }

        for (var i = 0; i < model.Entries.Count; i++)
        {
            var entry = model.Entries[i];
            var path = $".Entries[{i}]";
            var unit = await units.ResolveAsync(entry.UnitId, cancellationToken) ?? throw context.Error(path + ".UnitId", $"Không có đơn vị “{entry.UnitId}”.");
            var name = TextNormalizer.Normalize(entry.SenderName ?? "").Trim();
            var text = TextNormalizer.Normalize(entry.Content ?? "").Trim();
            if (name.Length is 0 or > 100 || text.Length is < 20 or > 5000)
            {
                throw context.Error(path, "Cần họ tên người gửi (tối đa 100 ký tự) và nội dung từ 20 đến 5.000 ký tự.");
            }

            var code = await inbox.SubmitAsync(CitizenMessageKind.Feedback, new CitizenSender(name, entry.SenderEmail?.Trim() ?? "", null), unit, text, cancellationToken);
            var item = (await inbox.FindAsync(CitizenMessageKind.Feedback, code, cancellationToken)).Single(v => v.Latest);
            try
            {
                var feedback = (await desk.FindAsync(item.ContentItemId, cancellationToken))!;
                await desk.UpdateAsync(feedback, entry.Status ?? nameof(FeedbackState.New), entry.CategoryId, cancellationToken);
                if (entry.Reply is not null)
                {
                    await desk.ReplyAsync((await desk.FindAsync(item.ContentItemId, cancellationToken))!, entry.Reply, entry.RepliedBy ?? RecipeRunOptions.SetupActor, cancellationToken);
                }
            }
            catch (FeedbackInputException ex)
            {
                throw context.Error(path, ex.Message);
            }
        }
    }

    private sealed class StepModel
    {
        public List<StepEntry> Entries { get; set; } = [];
    }

    private sealed class StepEntry
    {
        public string? UnitId { get; set; }

        public string? SenderName { get; set; }

        public string? SenderEmail { get; set; }

        public string? Content { get; set; }

        public string? CategoryId { get; set; }

        public string? Status { get; set; }

        public string? Reply { get; set; }

        public string? RepliedBy { get; set; }
    }
}
