using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;
using CucThongKe.Users.Units;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Users.Recipes;

/// <summary>The <c>Units</c> step: the organisation tree; a unit in the step is created or updated, others are kept.</summary>
internal sealed class UnitsRecipeStep(CmsDbContext db) : IRecipeStep
{
    public string Name => "Units";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var model = context.Read<StepModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var order = 0;
        await AddAsync(context, model.Units, null, ".Units", seen, () => order++, cancellationToken);

        // A successor named in the step must exist once the whole tree is in.
        foreach (var unit in db.ChangeTracker.Entries<Unit>().Select(e => e.Entity).Where(u => u.SucceededById is not null))
        {
            if (!seen.Contains(unit.SucceededById!) && !await db.Set<Unit>().AnyAsync(u => u.Id == unit.SucceededById, cancellationToken))
            {
                throw context.Error(".Units", $"đơn vị '{unit.Id}' được thay bằng '{unit.SucceededById}', nhưng không có đơn vị đó.");
            }
        }
    }

    private async Task AddAsync(RecipeStepContext context, List<UnitModel> units, string? parentId, string path, HashSet<string> seen, Func<int> nextOrder, CancellationToken cancellationToken)
    {
        for (var i = 0; i < units.Count; i++)
        {
            var input = units[i];
            var unitPath = $"{path}[{i}]";
            if (string.IsNullOrWhiteSpace(input.Id) || !input.Id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                throw context.Error(unitPath + ".Id", $"mã đơn vị '{input.Id}' chỉ gồm chữ thường không dấu, chữ số và '-'.");
            }

            if (!seen.Add(input.Id))
            {
                throw context.Error(unitPath + ".Id", $"mã đơn vị '{input.Id}' bị trùng.");
            }

            if (string.IsNullOrWhiteSpace(input.Name))
            {
                throw context.Error(unitPath + ".Name", "đơn vị cần có tên.");
            }

            var unit = await db.Set<Unit>().FirstOrDefaultAsync(u => u.Id == input.Id, cancellationToken);
            if (unit is null)
            {
                db.Add(unit = new Unit { Id = input.Id, Name = "" });
            }

            unit.Name = input.Name.Trim();
            unit.ShortName = input.ShortName;
            unit.Kind = input.Kind;
            unit.ParentId = parentId;
            unit.Order = nextOrder();
            unit.Address = input.Address;
            unit.Phone = input.Phone;
            unit.Email = input.Email;
            unit.HeadName = input.HeadName;
            unit.HeadPosition = input.HeadPosition;
            unit.HeadEmail = input.HeadEmail;
            unit.HeadPhone = input.HeadPhone;
            unit.EffectiveFrom = input.EffectiveFrom;
            unit.EffectiveTo = input.EffectiveTo;
            unit.SucceededById = input.SucceededById;
            await AddAsync(context, input.Children, input.Id, unitPath + ".Children", seen, nextOrder, cancellationToken);
        }
    }

    private sealed record StepModel(List<UnitModel> Units);

    internal sealed class UnitModel
    {
        public required string Id { get; init; }

        public required string Name { get; init; }

        public string? ShortName { get; init; }

        public UnitKind Kind { get; init; } = UnitKind.Department;

        public string? Address { get; init; }

        public string? Phone { get; init; }

        public string? Email { get; init; }

        public string? HeadName { get; init; }

        public string? HeadPosition { get; init; }

        public string? HeadEmail { get; init; }

        public string? HeadPhone { get; init; }

        public DateOnly? EffectiveFrom { get; init; }

        public DateOnly? EffectiveTo { get; init; }

        public string? SucceededById { get; init; }

        public List<UnitModel> Children { get; init; } = [];
    }
}

internal sealed class UnitsRecipeExporter(CmsDbContext db) : IRecipeExporter
{
    public int Order => 40;

    public async Task<JsonObject?> ExportAsync(RecipeExportOptions options, CancellationToken cancellationToken)
    {
        var units = await db.Set<Unit>().AsNoTracking().OrderBy(u => u.Order).ToListAsync(cancellationToken);
        return units.Count == 0 ? null : new JsonObject { ["name"] = "Units", ["Units"] = Children(units, null) };
    }

    private static JsonArray Children(List<Unit> units, string? parentId)
    {
        var array = new JsonArray();
        foreach (var unit in units.Where(u => u.ParentId == parentId))
        {
            var node = JsonSerializer.SerializeToNode(new UnitsRecipeStep.UnitModel
            {
                Id = unit.Id,
                Name = unit.Name,
                ShortName = unit.ShortName,
                Kind = unit.Kind,
                Address = unit.Address,
                Phone = unit.Phone,
                Email = unit.Email,
                HeadName = unit.HeadName,
                HeadPosition = unit.HeadPosition,
                HeadEmail = unit.HeadEmail,
                HeadPhone = unit.HeadPhone,
                EffectiveFrom = unit.EffectiveFrom,
                EffectiveTo = unit.EffectiveTo,
                SucceededById = unit.SucceededById,
            }, CmsJson.Options)!.AsObject();
            node["Children"] = Children(units, unit.Id);
            array.Add(node);
        }

        return array;
    }
}
