using System.Security.Cryptography;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using CucThongKe.Core.Setup;
using CucThongKe.Users.Identity;
using CucThongKe.Users.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CucThongKe.Users.Setup;

/// <summary>Creates the first administrator during setup, with the configured or a generated password.</summary>
internal sealed class AdministratorSetupHandler(
    UserManager<CmsUser> users,
    RoleManager<CmsRole> roles,
    CmsDbContext db,
    TimeProvider clock,
    ILogger<AdministratorSetupHandler> logger) : ISetupHandler
{
    public async Task SetupAsync(CmsSetupOptions options, CancellationToken cancellationToken)
    {
        if (!await roles.RoleExistsAsync(CmsClaims.AdministratorRole))
        {
            Check(await roles.CreateAsync(new CmsRole { Name = CmsClaims.AdministratorRole, DisplayName = "Quản trị hệ thống" }));
        }

        if (await users.FindByNameAsync(options.AdminUserName) is not null)
        {
            return;
        }

        var generated = string.IsNullOrEmpty(options.AdminPassword);
        var password = generated ? GeneratePassword() : options.AdminPassword!;
        var rootUnit = await db.Set<Unit>().Where(u => u.ParentId == null).OrderBy(u => u.Order).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        var admin = new CmsUser
        {
            UserName = options.AdminUserName,
            Email = options.AdminEmail,
            EmailConfirmed = options.AdminEmail is not null,
            DisplayName = "Quản trị hệ thống",
            UnitId = rootUnit,
            LockoutEnabled = true,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(admin, password));
        Check(await users.AddToRoleAsync(admin, CmsClaims.AdministratorRole));

        if (generated)
        {
            // Written once, here: the password is not stored anywhere in clear.
            logger.LogWarning("Tài khoản quản trị '{UserName}' đã được tạo với mật khẩu: {Password} (hãy đổi mật khẩu sau khi đăng nhập)", admin.UserName, password);
        }
        else
        {
            logger.LogInformation("Tài khoản quản trị '{UserName}' đã được tạo", admin.UserName);
        }
    }

    private static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var chars = Enumerable.Range(0, 20).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
        // Policy: at least one digit, one upper, one lower and one symbol.
        return new string(chars) + "-7aA";
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Không tạo được tài khoản quản trị: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
