using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CucThongKe.Contents.Admin;

/// <summary>The verb that gives a part or field its back-office editor.</summary>
public static class EditorDriverRegistration
{
    /// <summary>Adds <typeparamref name="TDriver"/> as the editor of the part or field just added (scoped: it may read the database).</summary>
    public static ContentElementBuilder UseEditorDriver<TDriver>(this ContentElementBuilder builder) where TDriver : class, IContentEditorDriver
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<IContentEditorDriver, TDriver>());
        return builder;
    }
}
