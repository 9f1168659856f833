using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Core.Data;

namespace CucThongKe.Core.Recipes;

/// <summary>What a step sees while it runs: its JSON, where it sits in the recipe, and how to report an error.</summary>
public sealed class RecipeStepContext
{
    /// <summary>Recipe JSON is read strictly: a property the step does not know is an error, not a silent no-op.</summary>
    public static JsonSerializerOptions ReadOptions => CmsJson.Strict;

    public RecipeStepContext(RecipeDocument recipe, int index, JsonObject step, RecipeRunOptions options)
    {
        Recipe = recipe;
        Index = index;
        Step = step;
        Options = options;
    }

    public RecipeDocument Recipe { get; }

    public int Index { get; }

    public string Name => Step["name"]!.GetValue<string>();

    public JsonObject Step { get; }

    public RecipeRunOptions Options { get; }

    /// <summary>An error at a path inside this step, e.g. <c>.ContentTypes[0].Parts[1]</c>.</summary>
    public RecipeException Error(string relativePath, string reason) =>
        new(Recipe.File, Index, Name, $"$.steps[{Index}]{relativePath}", reason);

    /// <summary>Reads the whole step (its <c>name</c> aside) as <typeparamref name="T"/>, strictly.</summary>
    public T Read<T>() where T : class
    {
        var copy = Step.DeepClone().AsObject();
        copy.Remove("name");
        return Read<T>(copy, "");
    }

    /// <summary>Reads a node found at <paramref name="relativePath"/> of this step, strictly.</summary>
    public T Read<T>(JsonNode? node, string relativePath) where T : class
    {
        try
        {
            return node.Deserialize<T>(ReadOptions) ?? throw Error(relativePath, "giá trị không được để trống.");
        }
        catch (JsonException ex)
        {
            throw Error(relativePath + CmsJson.RelativePath(ex), CmsJson.Describe(ex));
        }
    }
}

/// <summary>Who started a recipe run, and from where; set by the caller, never read from the recipe file.</summary>
public enum RecipeOrigin
{
    /// <summary>The first start of an empty site: the setup recipe and the additional recipes.</summary>
    Setup,

    /// <summary><c>recipe run</c> on the server's command line.</summary>
    CommandLine,

    /// <summary>An administrator at <c>/admin/recipes</c> (an upload or a known recipe run there).</summary>
    BackOffice,
}

/// <summary>How a recipe is run: its origin, the person recorded on what it creates, and whether it may import published content.</summary>
/// <remarks>
/// Built only through <see cref="Setup"/>, <see cref="CommandLine"/> and <see cref="BackOffice"/>, so that the origin and the
/// import permission always go together: a back-office run can never allow a legacy import.
/// </remarks>
public sealed record RecipeRunOptions
{
    /// <summary>The name recorded as author, owner and publisher of what the setup run creates.</summary>
    public const string SetupActor = "setup";

    /// <summary>The command-line flag that allows a legacy import (<c>recipe run FILE --legacy-import</c>).</summary>
    public const string LegacyImportFlag = "--legacy-import";

    private RecipeRunOptions(RecipeOrigin origin, string actorUserName, bool allowsLegacyImport)
    {
        Origin = origin;
        ActorUserName = actorUserName;
        AllowsLegacyImport = allowsLegacyImport;
    }

    public RecipeOrigin Origin { get; }

    /// <summary>The person running the recipe, recorded on what it creates (never a name from the file).</summary>
    public string ActorUserName { get; }

    /// <summary>
    /// Whether content a workflow governs may be imported as published (a deliberate migration act): in the setup run of an
    /// empty site, and on the command line with <c>--legacy-import</c>; never in the back office.
    /// </summary>
    public bool AllowsLegacyImport { get; }

    public bool IsBackOffice => Origin == RecipeOrigin.BackOffice;

    /// <summary>Why this run may not import published content a workflow governs, in Vietnamese; null when it may.</summary>
    public string? LegacyImportRefusal => AllowsLegacyImport ? null : Origin switch
    {
        RecipeOrigin.CommandLine =>
            $"công thức nhập nội dung đã đăng của loại thuộc quy trình duyệt (chuyển dữ liệu cũ); nếu đúng là việc chuyển dữ liệu, hãy chạy lại với cờ {LegacyImportFlag}: recipe run <tệp> {LegacyImportFlag}.",
        _ =>
            $"trang quản trị không nhập được nội dung đã đăng của loại thuộc quy trình duyệt (\"LegacyImport\"): việc chuyển dữ liệu cũ chỉ làm khi cài đặt trang mới hoặc từ dòng lệnh trên máy chủ (recipe run <tệp> {LegacyImportFlag}). Nội dung mới từ công thức tải lên chỉ được lưu thành bản nháp và đi qua quy trình duyệt.",
    };

    /// <summary>Work done in the recipe's transaction after its last step (setup creates the first administrator here).</summary>
    public Func<IServiceProvider, CancellationToken, Task>? BeforeCommit { get; init; }

    public IProgress<string>? Progress { get; init; }

    /// <summary>The setup run of an empty site (the setup recipe and the additional recipes of first start).</summary>
    public static RecipeRunOptions Setup() => new(RecipeOrigin.Setup, SetupActor, allowsLegacyImport: true);

    /// <summary>The command line, run by <paramref name="actorUserName"/> (see <c>CmsCommands</c>); imports only with the explicit flag.</summary>
    public static RecipeRunOptions CommandLine(string actorUserName, bool legacyImport) =>
        new(RecipeOrigin.CommandLine, Require(actorUserName), legacyImport);

    /// <summary>The back office, run by the signed-in administrator <paramref name="userName"/>.</summary>
    public static RecipeRunOptions BackOffice(string userName) => new(RecipeOrigin.BackOffice, Require(userName), allowsLegacyImport: false);

    private static string Require(string name) =>
        string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A recipe run needs the name of the person running it.", nameof(name)) : name;
}
