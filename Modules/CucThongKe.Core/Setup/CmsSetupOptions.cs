namespace CucThongKe.Core.Setup;

/// <summary>The <c>Cms:Setup</c> section: what happens on first start with an empty database.</summary>
public sealed class CmsSetupOptions
{
    /// <summary>The setup recipe, a path relative to the application folder or absolute.</summary>
    public string Recipe { get; set; } = "Recipes/cucthongke-thainguyen.recipe.json";

    /// <summary>Further recipes applied after the setup recipe on first start (the demo content, for instance).</summary>
    public List<string> AdditionalRecipes { get; set; } = [];

    public string AdminUserName { get; set; } = "admin";

    /// <summary>When empty, a strong password is generated and written once to the log.</summary>
    public string? AdminPassword { get; set; }

    public string? AdminEmail { get; set; }
}
