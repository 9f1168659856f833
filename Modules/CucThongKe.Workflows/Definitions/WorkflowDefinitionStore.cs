using System.Text.Json;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Workflows.Definitions;

/// <summary>Reads and saves workflow definitions; a definition is validated before it is saved.</summary>
public sealed class WorkflowDefinitionStore(CmsDbContext db, WorkflowDefinitionValidator validator, AdminAuditLog audit, ICurrentActor actor, TimeProvider clock)
{
    public async Task<IReadOnlyList<WorkflowDefinition>> ListAsync(CancellationToken cancellationToken = default)
    {
        var records = await db.Set<WorkflowDefinitionRecord>().AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        return [.. records.Select(Read)];
    }

    public async Task<WorkflowDefinition?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var record = await db.Set<WorkflowDefinitionRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Name == name, cancellationToken);
        return record is null ? null : Read(record);
    }

    /// <summary>Validates and saves <paramref name="definition"/> (replacing one of the same name).</summary>
    /// <returns>The problems found (JSON path below the definition, message); nothing is saved when there are any.</returns>
    public async Task<IReadOnlyList<WorkflowDefinitionError>> SaveAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default)
    {
        var errors = await validator.ValidateAsync(definition, cancellationToken);
        if (errors.Count > 0)
        {
            return errors;
        }

        var json = JsonSerializer.Serialize(definition, CmsJson.Options);
        var record = await db.Set<WorkflowDefinitionRecord>().FirstOrDefaultAsync(r => r.Name == definition.Name, cancellationToken);
        var before = record?.Json;
        if (record is null)
        {
            record = new WorkflowDefinitionRecord { Name = definition.Name, DisplayName = definition.DisplayName, Json = json };
            db.Add(record);
        }

        record.DisplayName = definition.DisplayName;
        record.Json = json;
        record.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        // Unchanged, or created by the site's own setup (no person acting): nothing to tell the board.
        if (before == json || (before is null && actor.UserName is null))
        {
            await db.SaveChangesAsync(cancellationToken);
            return [];
        }

        // Every path that saves a definition (the editor, a recipe) comes through here, so each change is recorded once.
        await audit.RecordAsync(AdminAuditActions.WorkflowDefinition, definition.Name,
            (before is null ? "Tạo" : "Sửa") + $" quy trình “{definition.DisplayName}” ({definition.Name}).",
            before, json, cancellationToken: cancellationToken);
        return [];
    }

    private static WorkflowDefinition Read(WorkflowDefinitionRecord record) =>
        JsonSerializer.Deserialize<WorkflowDefinition>(record.Json, CmsJson.Options)
        ?? throw new InvalidOperationException($"Định nghĩa quy trình '{record.Name}' bị hỏng.");
}
