using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Core.Data;
using CucThongKe.Workflows.Definitions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Workflows.Pages.Admin.Workflows;

/// <summary>Edits a workflow definition as JSON, with its diagram drawn as it is typed; the validator decides what may be saved.</summary>
[Authorize(Policy = "ManageWorkflows")]
public sealed class EditDefinitionModel(WorkflowDefinitionStore store, WorkflowDefinitionValidator validator) : PageModel
{
    /// <summary>More than any real definition; a guard against pasting something else.</summary>
    public const int MaxJsonLength = 200_000;

    public string Name { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    [BindProperty]
    public string? Json { get; set; }

    /// <summary>The definition as typed, when it could be read (drawn even when the validator has complaints).</summary>
    public WorkflowDefinition? Preview { get; private set; }

    public IReadOnlyList<WorkflowDefinitionError> Errors { get; private set; } = [];

    /// <summary>Whether <see cref="Errors"/> refused a save (rather than answer a preview).</summary>
    public bool Refused { get; private set; }

    /// <summary>Whether the validator has looked at the text shown (a preview or a check).</summary>
    public bool Checked { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(name, cancellationToken))
        {
            return NotFound();
        }

        Json = JsonSerializer.Serialize(Preview, CmsJson.Indented);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string name, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(name, cancellationToken))
        {
            return NotFound();
        }

        var (definition, error) = Parse(Json, name);
        Preview = definition;
        Errors = definition is null ? [error!] : await store.SaveAsync(definition, cancellationToken);
        if (Errors.Count > 0)
        {
            Refused = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Message"] = $"Đã lưu định nghĩa quy trình '{definition!.DisplayName}'.";
        return Redirect($"/admin/quy-trinh/dinh-nghia/{name}");
    }

    /// <summary>The no-script preview: the page again with the diagram and the validator's findings; nothing saved.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string name, CancellationToken cancellationToken)
    {
        return await CheckAsync(name, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>The same as <see cref="OnPostPreviewAsync"/>, as a fragment the page's script puts under the field while the user types.</summary>
    public async Task<IActionResult> OnPostCheckAsync(string name, CancellationToken cancellationToken)
    {
        return await CheckAsync(name, cancellationToken) ? Partial("_DefinitionCheck", this) : NotFound();
    }

    private async Task<bool> CheckAsync(string name, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(name, cancellationToken))
        {
            return false;
        }

        var (definition, error) = Parse(Json, name);
        Preview = definition;
        Errors = definition is null ? [error!] : await validator.ValidateAsync(definition, cancellationToken);
        Checked = true;
        return true;
    }

    private async Task<bool> LoadAsync(string name, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(name, cancellationToken);
        if (stored is null)
        {
            return false;
        }

        Name = stored.Name;
        DisplayName = stored.DisplayName;
        Preview = stored;
        return true;
    }

    /// <summary>Reads the typed JSON as a definition (NFC, strict: an unknown property is an error); the name cannot change here.</summary>
    internal static (WorkflowDefinition? Definition, WorkflowDefinitionError? Error) Parse(string? json, string name)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, new("", "định nghĩa đang trống."));
        }

        if (json.Length > MaxJsonLength)
        {
            return (null, new("", $"định nghĩa dài quá {MaxJsonLength:N0} ký tự."));
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return (null, new("", $"JSON không hợp lệ ở dòng {ex.LineNumber + 1}, cột {ex.BytePositionInLine + 1}."));
        }

        if (node is not JsonObject)
        {
            return (null, new("", "định nghĩa phải là một đối tượng JSON { ... }."));
        }

        WorkflowDefinition definition;
        try
        {
            definition = node.Deserialize<WorkflowDefinition>(CmsJson.Strict)!;
        }
        catch (JsonException ex)
        {
            return (null, new(CmsJson.RelativePath(ex), CmsJson.Describe(ex)));
        }

        if (definition.Name != name)
        {
            return (null, new(".Name", $"không đổi được mã quy trình ('{name}') ở đây."));
        }

        return (JsonSerializer.Deserialize<WorkflowDefinition>(TextNormalizer.NormalizeNode(node), CmsJson.Strict)!, null);
    }
}
