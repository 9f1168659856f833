using CucThongKe.Contents.Models;

namespace CucThongKe.Contents.Services;

/// <summary>The item failed its type's checks; nothing was saved.</summary>
public sealed class ContentValidationException(IReadOnlyList<ContentValidationError> errors)
    : Exception("Nội dung không hợp lệ: " + string.Join(" ", errors.Select(e => $"{e.Path}: {e.Message}")))
{
    public IReadOnlyList<ContentValidationError> Errors { get; } = errors;
}

/// <summary>Someone else saved the item since the caller loaded it; nothing was saved.</summary>
public sealed class ContentConflictException(string contentItemId, int expectedVersion, int actualVersion)
    : Exception($"Nội dung đã được người khác sửa (phiên bản {actualVersion}, bạn đang sửa phiên bản {expectedVersion}). Hãy tải lại để xem thay đổi của họ.")
{
    public string ContentItemId { get; } = contentItemId;

    public int ExpectedVersion { get; } = expectedVersion;

    public int ActualVersion { get; } = actualVersion;
}

/// <summary>Publishing was refused (the type is governed by a workflow, the document is confidential...).</summary>
public sealed class ContentPublishRefusedException(string reason) : Exception(reason);

/// <summary>There is no such item (or version) to act on.</summary>
public sealed class ContentNotFoundException(string contentItemId) : Exception($"Không tìm thấy nội dung '{contentItemId}'.")
{
    public string ContentItemId { get; } = contentItemId;
}

/// <summary>The item may not go to the trash, come back from it or be deleted now (published, in review, never a draft...); nothing changed.</summary>
public sealed class ContentRemovalRefusedException(string reason) : Exception(reason);
