using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CucThongKe.Contents;
using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;
using CucThongKe.Core.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.BackOffice.EditorExtension;

/// <summary>A module the host does not know, bringing a part with its editor: the proof that a module adds an editable
/// part without a line of Contents changing. Added to a test site with <see cref="Site.TestModules.AddTestModule{TModule}"/>.</summary>
public sealed class ReleaseCodeModule : CmsModule
{
    public override IReadOnlyList<Type> Dependencies => [typeof(ContentsModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddContentPart<ReleaseCodePart>().UseEditorDriver<ReleaseCodePartEditorDriver>();
}

/// <summary>The code of a statistical release ("mã phát hành"), e.g. <c>TK-2026-001</c>.</summary>
public sealed class ReleaseCodePart : ContentPart
{
    public string? Code { get; set; }
}

/// <summary>The part's editor: one input, in the module's own view, checked against the office's pattern on save.</summary>
public sealed partial class ReleaseCodePartEditorDriver : ContentPartEditorDriver<ReleaseCodePart>
{
    public const string Message = "Mã phát hành có dạng TK-năm-số, ví dụ TK-2026-001.";

    public override string SectionTitle => "Mã phát hành";

    protected override EditorShape Edit(EditorContext context) =>
        new("/BackOffice/EditorExtension/ReleaseCodePart.cshtml", context.Input(nameof(ReleaseCodePart.Code), "Mã phát hành", context.Text(nameof(ReleaseCodePart.Code)), required: true, hint: "Ví dụ TK-2026-001."));

    protected override void Update(EditorUpdateContext context)
    {
        var code = context.Posted(nameof(ReleaseCodePart.Code)).ToString().Trim();
        if (!CodePattern().IsMatch(code))
        {
            context.AddError(nameof(ReleaseCodePart.Code), Message);
        }

        context.Set(nameof(ReleaseCodePart.Code), code.Length == 0 ? null : JsonValue.Create(code));
    }

    [GeneratedRegex(@"^TK-\d{4}-\d{3}$")]
    private static partial Regex CodePattern();
}
