using System.Reflection;

namespace CucThongKe.Core.Modules;

/// <summary>The modules and themes the host was built with, in dependency order.</summary>
public sealed class ModuleCatalog
{
    private readonly List<CmsModule> _modules = [];

    public IReadOnlyList<CmsModule> Modules => _modules;

    public IEnumerable<Assembly> Assemblies => _modules.Select(m => m.GetType().Assembly).Distinct();

    /// <summary>Adds a module, after the modules it depends on.</summary>
    public ModuleCatalog Add<TModule>() where TModule : CmsModule, new() => Add(typeof(TModule));

    private ModuleCatalog Add(Type moduleType)
    {
        if (_modules.Any(m => m.GetType() == moduleType))
        {
            return this;
        }

        var module = (CmsModule)Activator.CreateInstance(moduleType)!;
        foreach (var dependency in module.Dependencies)
        {
            Add(dependency);
        }

        _modules.Add(module);
        return this;
    }
}
