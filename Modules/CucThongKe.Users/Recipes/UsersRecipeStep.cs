using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;
using CucThongKe.Users.Identity;
using CucThongKe.Users.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Users.Recipes;

/// <summary>The <c>Users</c> step, for demo recipes only: accounts with a password, a unit and roles.</summary>
/// <remarks>
/// Refused in the back office: an uploaded file could otherwise reset an existing account's e-mail (and so its password),
/// add roles of the approval chain to it, or create a second account for one person to play two roles of the chain,
/// all without the Users page's checks and record. Accounts are made there (<c>/admin/users</c>); this step serves the
/// setup of a new site and the server's command line.
/// </remarks>
internal sealed class UsersRecipeStep(UserManager<CmsUser> users, RoleManager<CmsRole> roles, CmsDbContext db, AdminAuditLog audit, TimeProvider clock) : IRecipeStep
{
    public string Name => "Users";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (context.Options.IsBackOffice)
        {
            throw context.Error("", "công thức chạy trong trang quản trị không được tạo hay sửa tài khoản (mật khẩu, thư điện tử, vai trò): hãy tạo tài khoản ở trang Người dùng (/admin/users).");
        }

        var model = context.Read<StepModel>();
        for (var i = 0; i < model.Users.Count; i++)
        {
            var input = model.Users[i];
            var path = $".Users[{i}]";
            if (!await db.Set<Unit>().AnyAsync(u => u.Id == input.UnitId, cancellationToken))
            {
                throw context.Error(path + ".UnitId", $"không có đơn vị '{input.UnitId}'.");
            }

            for (var r = 0; r < input.Roles.Count; r++)
            {
                if (!await roles.RoleExistsAsync(input.Roles[r]))
                {
                    throw context.Error($"{path}.Roles[{r}]", $"không có vai trò '{input.Roles[r]}'.");
                }
            }

            var user = await users.FindByNameAsync(input.UserName);
            var isNew = user is null;
            user ??= new CmsUser { UserName = input.UserName, CreatedUtc = clock.GetUtcNow().UtcDateTime };
            user.Email = input.Email;
            user.EmailConfirmed = input.Email is not null;
            user.DisplayName = input.DisplayName;
            user.Position = input.Position;
            user.UnitId = input.UnitId;
            user.LockoutEnabled = true;

            var result = isNew ? await users.CreateAsync(user, input.Password) : await users.UpdateAsync(user);
            if (!result.Succeeded)
            {
                throw context.Error(isNew ? path + ".Password" : path, string.Join(" ", result.Errors.Select(e => e.Description)));
            }

            var current = await users.GetRolesAsync(user);
            var added = input.Roles.Except(current).ToList();
            // A person running a recipe from the back office does not give themselves roles that way either.
            if (added.Count > 0 && string.Equals(context.Options.ActorUserName, user.UserName, StringComparison.OrdinalIgnoreCase))
            {
                throw context.Error(path + ".Roles", "không được tự thêm vai trò cho chính mình; hãy nhờ một quản trị viên khác.");
            }

            var add = await users.AddToRolesAsync(user, added);
            if (!add.Succeeded)
            {
                throw context.Error(path + ".Roles", string.Join(" ", add.Errors.Select(e => e.Description)));
            }

            if (added.Count > 0 && context.Options.Origin != RecipeOrigin.Setup)
            {
                var before = string.Join(", ", current.Order(StringComparer.Ordinal));
                var after = string.Join(", ", current.Concat(added).Order(StringComparer.Ordinal));
                // The sentence names the roles as people read them; the values keep the codes (the log page names them too).
                var names = await db.Set<CmsRole>().AsNoTracking().Where(r => r.Name != null).ToDictionaryAsync(r => r.Name!, r => r.DisplayName ?? r.Name!, cancellationToken);
                string Named(IEnumerable<string> codes) => string.Join("; ", codes.Select(c => names.GetValueOrDefault(c, c)).Order(StringComparer.Ordinal));
                await audit.RecordAsync(AdminAuditActions.UserRoles, user.UserName!,
                    $"Vai trò của tài khoản {user.UserName} (qua công thức '{context.Recipe.Name}'): [{Named(current)}] → [{Named(current.Concat(added))}].", isNew ? null : before, after, actorName: context.Options.ActorUserName, cancellationToken: cancellationToken);
            }
        }
    }

    private sealed record StepModel(List<UserModel> Users);

    private sealed class UserModel
    {
        public required string UserName { get; init; }

        public required string Password { get; init; }

        public string? Email { get; init; }

        public string? DisplayName { get; init; }

        public string? Position { get; init; }

        public required string UnitId { get; init; }

        public List<string> Roles { get; init; } = [];
    }
}
