using System.Security.Claims;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Workflows.Instances;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CucThongKe.Contents.Api;

/// <summary>Drafts through the API: <c>GET/POST /api/content</c>, <c>GET/PUT /api/content/{id}</c>; a unit's staff see and edit their unit's items only.</summary>
internal static class ContentApi
{
    public static void MapContentApi(this RouteGroupBuilder api)
    {
        api.MapGet("/content", ListAsync);
        api.MapGet("/content/{contentItemId}", GetAsync);
        api.MapPost("/content", CreateAsync);
        api.MapPut("/content/{contentItemId}", UpdateAsync);
    }

    private static async Task<IResult> ListAsync(string? type, string? state, string? unit, int? skip, int? take, ClaimsPrincipal user, ContentApiQueries queries, CancellationToken cancellationToken)
    {
        if (ContentAccess.VisibleUnit(user) is { } ownUnit)
        {
            if (unit is not null && unit != ownUnit)
            {
                return ApiJson.Forbidden("Bạn chỉ xem được nội dung của đơn vị mình.");
            }

            unit = ownUnit;
        }

        var page = await queries.ListAsync(type, state, unit, Math.Max(0, skip ?? 0), Math.Clamp(take ?? 20, 1, 100), cancellationToken);
        return ApiJson.Json(page.Select(r => Summary(r.Item, r.Instance)).ToList());
    }

    private static async Task<IResult> GetAsync(string contentItemId, ClaimsPrincipal user, ContentManager contents, ContentApiQueries queries, CancellationToken cancellationToken)
    {
        var item = await contents.GetAsync(contentItemId, VersionOptions.Latest, cancellationToken);
        if (item is null)
        {
            return ApiJson.NotFound($"Không tìm thấy nội dung '{contentItemId}'.");
        }

        var instance = await queries.InstanceAsync(contentItemId, cancellationToken);
        if (!ContentAccess.CanView(user, item))
        {
            return ApiJson.Forbidden("Bạn chỉ xem được nội dung của đơn vị mình.");
        }

        return ApiJson.Json(Detail(item, instance));
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, ClaimsPrincipal user, ContentManager contents, ContentDefinitionManager definitions, ContentApiQueries queries, CancellationToken cancellationToken)
    {
        if (!ContentAccess.CanCreate(user))
        {
            return ApiJson.Forbidden("Bạn không có quyền soạn nội dung.");
        }

        var (input, error) = await ApiJson.ReadAsync<CreateRequest>(request, allowEmpty: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(input!.ContentType) || input.Content is null)
        {
            return ApiJson.BadRequest("Cần loại nội dung (contentType) và nội dung (content).");
        }

        var type = await definitions.GetTypeAsync(input.ContentType, cancellationToken);
        if (type is null || !type.Settings.Creatable)
        {
            return ApiJson.BadRequest($"Không tạo được nội dung loại '{input.ContentType}'.");
        }

        var item = await contents.NewAsync(input.ContentType, cancellationToken);
        item.Content = input.Content;
        var saved = await contents.CreateAsync(item, cancellationToken);
        var instance = await queries.InstanceAsync(saved.ContentItemId, cancellationToken);
        return Results.Json(Detail(saved, instance), ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(string contentItemId, HttpRequest request, ClaimsPrincipal user, ContentManager contents, ContentApiQueries queries, CancellationToken cancellationToken)
    {
        var (input, error) = await ApiJson.ReadAsync<UpdateRequest>(request, allowEmpty: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var latest = await contents.GetAsync(contentItemId, VersionOptions.Latest, cancellationToken);
        if (latest is null)
        {
            return ApiJson.NotFound($"Không tìm thấy nội dung '{contentItemId}'.");
        }

        if (!ContentAccess.CanEdit(user, latest))
        {
            return ApiJson.Forbidden("Bạn chỉ sửa được nội dung của đơn vị mình.");
        }

        if (input!.Content is null || input.ExpectedVersion is null)
        {
            return ApiJson.BadRequest("Cần nội dung (content) và phiên bản bạn đã sửa (expectedVersion).");
        }

        var draft = new ContentItem { ContentItemId = contentItemId, ContentType = latest.ContentType, Content = input.Content };
        var saved = await contents.SaveDraftAsync(draft, input.ExpectedVersion, cancellationToken);
        var instance = await queries.InstanceAfterSaveAsync(contentItemId, cancellationToken);
        return ApiJson.Json(Detail(saved, instance));
    }


    private static object Summary(ContentItem c, WorkflowInstance? i) => new
    {
        contentItemId = c.ContentItemId,
        versionId = c.Id,
        version = c.Version,
        contentType = c.ContentType,
        displayText = c.DisplayText,
        published = c.Published,
        unitId = c.UnitId,
        workflowState = i?.State,
        modifiedUtc = c.ModifiedUtc,
    };

    private static object Detail(ContentItem c, WorkflowInstance? i) => new
    {
        contentItemId = c.ContentItemId,
        versionId = c.Id,
        version = c.Version,
        contentType = c.ContentType,
        displayText = c.DisplayText,
        published = c.Published,
        author = c.Author,
        authorUnitId = c.AuthorUnitId,
        unitId = c.UnitId,
        workflowState = i?.State,
        createdUtc = c.CreatedUtc,
        modifiedUtc = c.ModifiedUtc,
        publishedUtc = c.PublishedUtc,
        content = c.Content,
        // Only after a save, and only when there is something to say (e.g. body text still in TCVN3).
        warnings = c.Warnings.Count > 0 ? c.Warnings.Select(w => new { path = w.Path, message = w.Message }).ToList() : null,
    };

    private sealed record CreateRequest(string? ContentType, JsonObject? Content);

    private sealed record UpdateRequest(int? ExpectedVersion, JsonObject? Content);
}
