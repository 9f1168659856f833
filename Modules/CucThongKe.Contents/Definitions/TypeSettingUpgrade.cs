using System.Text.Json.Nodes;
using CucThongKe.Core.Setup;

namespace CucThongKe.Contents.Definitions;

/// <summary>
/// A site upgrade that writes a type setting which replaced a rule on a type's name, into the stored definition of the
/// type the rule named (when it exists, lacks the setting and has the field the setting names): sites set up before
/// keep today's behaviour. Registered with <c>services.AddTypeSettingUpgrade(...)</c>.
/// </summary>
internal sealed class TypeSettingUpgrade(ContentDefinitionManager definitions, TypeSettingUpgradeSpec spec) : ISiteUpgrade
{
    public string Name => spec.Name;

    public Task UpgradeAsync(CancellationToken cancellationToken) =>
        definitions.AddMissingTypeSettingAsync(spec.TypeName, spec.Key, spec.Value, spec.Field, spec.FieldType, cancellationToken);
}

/// <summary>What a <see cref="TypeSettingUpgrade"/> writes: <paramref name="Value"/> under <paramref name="Key"/> of <paramref name="TypeName"/>'s settings.</summary>
internal sealed record TypeSettingUpgradeSpec(string Name, string TypeName, string Key, JsonNode Value, string? Field, string? FieldType);
