using System.Security.Claims;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using CucThongKe.Users.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Users.Identity;

/// <summary>How an account's save ended.</summary>
public enum AccountSaveStatus
{
    Saved,

    /// <summary>Someone who is not an administrator tried to give or take the administrator role.</summary>
    Forbidden,

    /// <summary>Someone tried to change their own roles: refused, nothing saved.</summary>
    OwnRoles,

    /// <summary>The form has mistakes (or Identity refused it): nothing saved.</summary>
    Invalid,
}

/// <summary>What a save did: the account (saved, or to show again beside <see cref="Errors"/>; none for a new one refused).</summary>
public sealed record AccountSave(AccountSaveStatus Status, CmsUser? User, IReadOnlyList<string> Errors);

/// <summary>An account as the list shows it: its unit's name, its roles' names, whether it is locked out.</summary>
public sealed record UserRow(CmsUser User, string? UnitName, IReadOnlyList<string> Roles, bool Locked);

/// <summary>The units and roles an account can be given.</summary>
public sealed record AccountChoices(IReadOnlyList<Unit> Units, IReadOnlyList<CmsRole> Roles);

/// <summary>
/// The back office's account administration: creating and editing accounts (unit, roles, an administrator's password
/// reset), unlocking them and resetting their two-factor sign-in, with the rules that keep it from raising rights.
/// </summary>
public sealed class UserAdministration(UserManager<CmsUser> users, CmsDbContext db, AdminAuditLog audit, TimeProvider clock, SignInRevocation revocation)
{
    /// <summary>Every account, by user name.</summary>
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var accounts = await db.Set<CmsUser>().AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var units = await db.Set<Unit>().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var roles = await (from ur in db.Set<IdentityUserRole<string>>()
                           join r in db.Set<CmsRole>() on ur.RoleId equals r.Id
                           select new { ur.UserId, Name = r.DisplayName ?? r.Name! }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return [.. accounts.Select(u => new UserRow(
            u,
            u.UnitId is not null && units.TryGetValue(u.UnitId, out var unit) ? unit : u.UnitId,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name).Order(StringComparer.Ordinal)],
            u.LockoutEnd > now))];
    }

    /// <summary>The units in effect today and every role.</summary>
    public async Task<AccountChoices> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var units = await db.Set<Unit>().AsNoTracking().Where(u => u.EffectiveTo == null || u.EffectiveTo >= today).OrderBy(u => u.Order).ToListAsync(cancellationToken);
        var roles = await db.Set<CmsRole>().AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        return new AccountChoices(units, roles);
    }

    public Task<CmsUser?> FindAsync(string? id) => id is null ? Task.FromResult<CmsUser?>(null) : users.FindByIdAsync(id);

    /// <summary>The form of an existing account.</summary>
    public async Task<UserInput> InputOfAsync(CmsUser user) => new()
    {
        UserName = user.UserName ?? "",
        DisplayName = user.DisplayName,
        Position = user.Position,
        Email = user.Email,
        UnitId = user.UnitId,
        Roles = [.. await users.GetRolesAsync(user)],
    };

    /// <summary>Whether the account is locked out now.</summary>
    public bool IsLocked(CmsUser user) => user.LockoutEnd > clock.GetUtcNow();

    /// <summary>
    /// Creates (<paramref name="user"/> null) or updates an account from its form, all or nothing, for
    /// <paramref name="actor"/>. <paramref name="formErrors"/> are the form's own mistakes (lengths, email), reported
    /// after the account's.
    /// </summary>
    public async Task<AccountSave> SaveAsync(CmsUser? user, UserInput input, ClaimsPrincipal actor, AccountChoices choices, IEnumerable<string> formErrors, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        input.Roles = [.. input.Roles.Distinct()];
        if (choices.Units.All(u => u.Id != input.UnitId))
        {
            errors.Add("Hãy chọn một đơn vị có trong danh sách.");
        }

        if (input.Roles.Any(r => choices.Roles.All(x => x.Name != r)))
        {
            errors.Add("Có vai trò không tồn tại.");
        }

        // Only an administrator makes administrators: managing accounts is not a way to raise one's own rights.
        var current = user is null ? [] : await users.GetRolesAsync(user);
        if (!actor.IsInRole(CmsClaims.AdministratorRole) && input.Roles.Contains(CmsClaims.AdministratorRole) != current.Contains(CmsClaims.AdministratorRole))
        {
            return new AccountSave(AccountSaveStatus.Forbidden, user, errors);
        }

        // Nobody changes their own roles (a role of the approval chain, one carrying emergency publication...): a second
        // administrator must, and the change is recorded.
        var rolesChange = !current.ToHashSet(StringComparer.Ordinal).SetEquals(input.Roles);
        if (user is not null && rolesChange && user.Id == users.GetUserId(actor))
        {
            errors.Add("Bạn không được tự đổi vai trò của chính mình; hãy nhờ một quản trị viên khác. Không có thay đổi nào được lưu.");
            return new AccountSave(AccountSaveStatus.OwnRoles, user, errors);
        }

        if (user is null && string.IsNullOrEmpty(input.Password))
        {
            errors.Add("Tài khoản mới cần mật khẩu.");
        }

        errors.AddRange(formErrors);
        if (errors.Count > 0)
        {
            return new AccountSave(AccountSaveStatus.Invalid, user, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var isNew = user is null;
        user ??= new CmsUser { UserName = input.UserName.Trim(), CreatedUtc = clock.GetUtcNow().UtcDateTime, LockoutEnabled = true };
        user.DisplayName = input.DisplayName?.Trim();
        user.Position = input.Position?.Trim();
        user.Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        user.UnitId = input.UnitId;

        var result = isNew ? await users.CreateAsync(user, input.Password!) : await users.UpdateAsync(user);
        if (result.Succeeded && !isNew && !string.IsNullOrEmpty(input.Password))
        {
            // An administrator's reset: the old password is not needed, the new one must meet the policy.
            var token = await users.GeneratePasswordResetTokenAsync(user);
            result = await users.ResetPasswordAsync(user, token, input.Password);
            if (result.Succeeded)
            {
                // The old password's sessions and API tokens end with it.
                await revocation.RevokeAllAsync(user, cancellationToken);
            }
        }

        if (result.Succeeded)
        {
            result = await users.RemoveFromRolesAsync(user, current.Except(input.Roles));
        }

        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, input.Roles.Except(current));
        }

        if (result.Succeeded && !isNew && !current.ToHashSet().SetEquals(input.Roles))
        {
            // Open sessions carry the old roles: the user signs in again.
            await revocation.EndSessionsAsync(user);
        }

        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            errors.AddRange(result.Errors.Select(e => e.Description));
            return new AccountSave(AccountSaveStatus.Invalid, isNew ? null : user, errors);
        }

        if (rolesChange)
        {
            var before = string.Join(", ", current.Order(StringComparer.Ordinal));
            var after = string.Join(", ", input.Roles.Order(StringComparer.Ordinal));
            // The sentence names the roles as people read them; the values keep the codes (the log page names them too).
            string Named(IEnumerable<string> codes) => string.Join("; ", codes.Select(c => choices.Roles.FirstOrDefault(r => r.Name == c)?.DisplayName ?? c).Order(StringComparer.Ordinal));
            await audit.RecordAsync(AdminAuditActions.UserRoles, user.UserName!,
                $"Vai trò của tài khoản {user.UserName}: [{Named(current)}] → [{Named(input.Roles)}].", isNew ? null : before, after, cancellationToken: cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new AccountSave(AccountSaveStatus.Saved, user, errors);
    }

    /// <summary>Ends a lock-out and forgets the failed attempts.</summary>
    public async Task UnlockAsync(CmsUser user)
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    /// <summary>Turns two-factor sign-in off and forgets the authenticator: the next sign-in sets it up again.</summary>
    public async Task ResetTwoFactorAsync(CmsUser user, CancellationToken cancellationToken = default)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        // Whoever holds the old authenticator (or a session or token opened with it) is out.
        await revocation.RevokeAllAsync(user, cancellationToken);
    }

    /// <summary>Deactivates an account: it can no longer sign in or use an API token, and its open sessions end now.
    /// An administrator cannot deactivate their own account (the site would be left without the one who can undo it).</summary>
    /// <returns>False when <paramref name="user"/> is the actor.</returns>
    public async Task<bool> DeactivateAsync(CmsUser user, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        if (user.Id == users.GetUserId(actor))
        {
            return false;
        }

        if (user.DeactivatedUtc is not null)
        {
            return true;
        }

        user.DeactivatedUtc = clock.GetUtcNow().UtcDateTime;
        // The new security stamp saves the user with the flag; then the other modules' tokens go.
        await revocation.RevokeAllAsync(user, cancellationToken);
        await audit.RecordAsync(AdminAuditActions.AccountActivation, user.UserName!, $"Ngừng hoạt động tài khoản {user.UserName}: không đăng nhập, không dùng mã truy cập được nữa; các phiên đang mở kết thúc.",
            "hoạt động", "ngừng hoạt động", cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>Lets a deactivated account sign in again (with its password; old sessions and API tokens stay ended).</summary>
    public async Task ReactivateAsync(CmsUser user, CancellationToken cancellationToken = default)
    {
        if (user.DeactivatedUtc is null)
        {
            return;
        }

        user.DeactivatedUtc = null;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(' ', result.Errors.Select(e => e.Description)));
        }

        await audit.RecordAsync(AdminAuditActions.AccountActivation, user.UserName!, $"Cho tài khoản {user.UserName} hoạt động trở lại.",
            "ngừng hoạt động", "hoạt động", cancellationToken: cancellationToken);
    }
}
