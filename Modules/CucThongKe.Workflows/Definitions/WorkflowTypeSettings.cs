using System.Text.Json;
using System.Text.Json.Serialization;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Services;

namespace CucThongKe.Workflows.Definitions;

/// <summary>
/// The Workflows section of a content type's settings: the workflow that governs the type (<c>"Workflow": "quy-trinh-duyet-tin"</c>);
/// when set, nothing publishes the type outside that workflow (or a recorded legacy import).
/// </summary>
/// <remarks>Written as a plain string, the shape recipes and stored definitions have always had.</remarks>
[JsonConverter(typeof(WorkflowTypeSettingsConverter))]
public sealed class WorkflowTypeSettings
{
    /// <summary>The section's name in a type's settings.</summary>
    public const string SectionName = "Workflow";

    /// <summary>The name of the <see cref="WorkflowDefinition"/>, e.g. <c>quy-trinh-duyet-tin</c>.</summary>
    public required string Name { get; init; }
}

/// <summary>Reads and writes <see cref="WorkflowTypeSettings"/> as the workflow's name.</summary>
internal sealed class WorkflowTypeSettingsConverter : JsonConverter<WorkflowTypeSettings>
{
    public override WorkflowTypeSettings Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? new WorkflowTypeSettings { Name = reader.GetString()! }
            : throw new JsonException(); // the serializer words it as a value of the wrong type, with its path

    public override void Write(Utf8JsonWriter writer, WorkflowTypeSettings value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Name);
}

/// <summary>The workflow that governs a type, read from its settings: the one place Workflows reads the section.</summary>
public static class WorkflowTypes
{
    /// <summary>The name of the workflow that governs <paramref name="type"/>, or null when none does.</summary>
    public static string? WorkflowName(this ResolvedContentType type) =>
        type.Section<WorkflowTypeSettings>()?.Name is { Length: > 0 } name ? name : null;
}

/// <summary>Answers Contents' question "does a process govern publication of this type?": the workflow its settings name.</summary>
internal sealed class WorkflowGovernance : IContentGovernance
{
    public string SettingsSection => WorkflowTypeSettings.SectionName;

    public string? GoverningProcess(ResolvedContentType type) => type.WorkflowName();
}
