using CucThongKe.Contents;
using CucThongKe.Core.Hosting;
using CucThongKe.Theme.Admin;
using CucThongKe.Theme.Public;
using CucThongKe.Users;

// The site is the sum of its modules and themes; each registers what it brings.
var builder = WebApplication.CreateBuilder(args);

builder.AddCms(migrationsAssembly: typeof(Program).Assembly, modules => modules
    .Add<ContentsModule>()
    .Add<UsersModule>()
    .Add<AdminThemeModule>()
    .Add<PublicThemeModule>());

var app = builder.Build();
app.UseCms();
return await app.RunCmsAsync(args);

/// <summary>The host's entry point, visible to tests.</summary>
public partial class Program;
