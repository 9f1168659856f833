// A bare ASP.NET Core endpoint: GET /bare answers with the bytes of the file given as --page (the article page the
// site served, so the same size and content type), nothing else in the pipeline. The ceiling bench/public-site.sh
// compares the site's cached article with.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var page = await File.ReadAllBytesAsync(app.Configuration["page"] ?? throw new InvalidOperationException("Usage: --page FILE --urls URL"));
app.MapGet("/bare", (HttpContext http) =>
{
    http.Response.ContentType = "text/html; charset=utf-8";
    http.Response.ContentLength = page.Length;
    return http.Response.Body.WriteAsync(page).AsTask();
});
await app.RunAsync();
