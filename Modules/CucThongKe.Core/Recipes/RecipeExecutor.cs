using System.Data.Common;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CucThongKe.Core.Recipes;

/// <summary>Runs a recipe all-or-nothing: every step in one transaction, rolled back on the first error.</summary>
public sealed class RecipeExecutor(
    CmsDbContext db,
    UnitOfWork unitOfWork,
    IServiceProvider services,
    IEnumerable<IRecipeStep> steps,
    IEnumerable<IRecipeEventHandler> eventHandlers,
    ILogger<RecipeExecutor> logger)
{
    private readonly Dictionary<string, IRecipeStep> _steps = steps.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> StepNames => _steps.Keys;

    public async Task ExecuteAsync(RecipeDocument recipe, RecipeRunOptions options, CancellationToken cancellationToken = default)
    {
        // Unknown steps are found before anything runs.
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var name = recipe.Steps[i]["name"]!.GetValue<string>();
            if (!_steps.ContainsKey(name))
            {
                throw new RecipeException(recipe.File, i, name, $"$.steps[{i}].name",
                    $"không có bước nào tên '{name}'. Các bước hợp lệ: {string.Join(", ", _steps.Keys.Order(StringComparer.Ordinal))}.");
            }
        }

        var succeeded = false;
        try
        {
            // One unit of work for the whole recipe: the content and settings its steps save join it, and what they queue
            // for after the commit (cache eviction, search) runs only if every step succeeded.
            await unitOfWork.RunAsync(async ct =>
            {
                for (var i = 0; i < recipe.Steps.Count; i++)
                {
                    var context = new RecipeStepContext(recipe, i, recipe.Steps[i], options);
                    options.Progress?.Report($"[{i + 1}/{recipe.Steps.Count}] {context.Name}");
                    try
                    {
                        await _steps[context.Name].ExecuteAsync(context, ct);
                        await db.SaveChangesAsync(ct);
                    }
                    catch (Exception ex) when (ex is DbUpdateException or DbException or InvalidOperationException)
                    {
                        throw context.Error("", "cơ sở dữ liệu từ chối thay đổi: " + (ex.InnerException?.Message ?? ex.Message));
                    }
                }

                if (options.BeforeCommit is not null)
                {
                    await options.BeforeCommit(services, ct);
                    await db.SaveChangesAsync(ct);
                }
            }, cancellationToken);
            succeeded = true;
            logger.LogInformation("Recipe {Recipe} ({File}) applied: {StepCount} steps", recipe.Name, recipe.File, recipe.Steps.Count);
        }
        catch
        {
            // The unit rolled the transaction back; what the steps left in the tracker must not be saved by a later call.
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            foreach (var handler in eventHandlers)
            {
                await handler.RecipeFinishedAsync(recipe, succeeded);
            }
        }
    }
}
