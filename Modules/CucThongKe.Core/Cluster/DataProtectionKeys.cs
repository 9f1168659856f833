using System.Xml.Linq;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Setup;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Core.Cluster;

/// <summary>One key of the data-protection key ring (cookies, antiforgery tokens, form tokens), as the key manager wrote it.</summary>
/// <remarks>Stored as the XML the key manager gives, with the same protection at rest as the files of the data folder had
/// before (none is configured: the database, like the folder, is readable only by the site's account and the operator).</remarks>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    /// <summary>The key manager's name for the element (<c>key-{guid}</c>); unique, so that moving the files in twice adds nothing.</summary>
    public required string Name { get; set; }

    public required string Xml { get; set; }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.ToTable("DataProtectionKeys");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Name).HasMaxLength(200);
        builder.HasIndex(x => x.Name).IsUnique();
    }
}

/// <summary>The key ring in the site's database, so that every node reads every cookie and antiforgery token any node made.</summary>
/// <remarks>The key manager is a singleton that calls this rarely (at the first protect, when a key nears expiry, and once
/// when a payload names a key it does not know yet), so each call opens its own scope.</remarks>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        return db.Set<DataProtectionKey>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        db.Set<DataProtectionKey>().Add(new DataProtectionKey { Name = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

/// <summary>Moves the key ring a site kept in <c>{Cms:DataPath}/keys/</c> into the database once, so that whoever was signed in
/// before the upgrade stays signed in. The files are left where they were (a copy, not a move: a rollback to the previous
/// version still finds them).</summary>
internal sealed class KeysToDatabaseUpgrade(CmsDbContext db, DataFolder dataFolder) : ISiteUpgrade
{
    public string Name => "DataProtectionKeysInDatabase";

    public async Task UpgradeAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(dataFolder.FullPath, "keys");
        if (!Directory.Exists(folder))
        {
            return;
        }

        var known = await db.Set<DataProtectionKey>().Select(k => k.Name).ToListAsync(cancellationToken);
        foreach (var file in Directory.EnumerateFiles(folder, "*.xml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                var xml = XElement.Parse(await File.ReadAllTextAsync(file, cancellationToken));
                db.Set<DataProtectionKey>().Add(new DataProtectionKey { Name = name, Xml = xml.ToString(SaveOptions.DisableFormatting) });
            }
        }
    }
}
