using CucThongKe.Contents.Admin;

namespace CucThongKe.Contents.Parts;

/// <summary>The title, required (the stored part says whether it may be empty; the editor always asks for one).</summary>
public sealed class TitlePartEditorDriver : ContentPartEditorDriver<TitlePart>
{
    public override string SectionTitle => "Tiêu đề";

    protected override EditorShape Edit(EditorContext context) =>
        new("ContentEditors/Text", context.Input(nameof(TitlePart.Title), "Tiêu đề", context.Text(nameof(TitlePart.Title)), required: true));

    protected override void Update(EditorUpdateContext context) => context.Set(nameof(TitlePart.Title), context.ReadText(nameof(TitlePart.Title)));
}

/// <summary>The item's path; left empty, it is made from the title.</summary>
public sealed class AutoroutePartEditorDriver : ContentPartEditorDriver<AutoroutePart>
{
    public override string SectionTitle => "Đường dẫn";

    protected override EditorShape Edit(EditorContext context) =>
        new("ContentEditors/Text", context.Input(nameof(AutoroutePart.Path), "Đường dẫn (để trống để tạo từ tiêu đề)", context.Text(nameof(AutoroutePart.Path))));

    protected override void Update(EditorUpdateContext context) => context.Set(nameof(AutoroutePart.Path), context.ReadText(nameof(AutoroutePart.Path)));
}

/// <summary>The summary (sapo), plain text on several lines.</summary>
public sealed class SummaryPartEditorDriver : ContentPartEditorDriver<SummaryPart>
{
    public override string SectionTitle => "Tóm tắt";

    protected override EditorShape Edit(EditorContext context) =>
        new("ContentEditors/Multiline", context.Input(nameof(SummaryPart.Summary), "Tóm tắt", context.Text(nameof(SummaryPart.Summary))));

    protected override void Update(EditorUpdateContext context) => context.Set(nameof(SummaryPart.Summary), context.ReadText(nameof(SummaryPart.Summary)));
}

/// <summary>The body, in the rich-text editor.</summary>
public sealed class HtmlBodyPartEditorDriver : ContentPartEditorDriver<HtmlBodyPart>
{
    public override string SectionTitle => "Nội dung";

    protected override EditorShape Edit(EditorContext context) =>
        new("ContentEditors/Html", context.Input(nameof(HtmlBodyPart.Html), "Nội dung", context.Text(nameof(HtmlBodyPart.Html))));

    protected override void Update(EditorUpdateContext context) => context.Set(nameof(HtmlBodyPart.Html), context.ReadText(nameof(HtmlBodyPart.Html)));
}

/// <summary>The time to publish at, typed in Vietnam time.</summary>
public sealed class PublishLaterPartEditorDriver : ContentPartEditorDriver<PublishLaterPart>
{
    public override string SectionTitle => "Hẹn giờ đăng";

    protected override EditorShape Edit(EditorContext context) =>
        new("ContentEditors/DateTime", context.Input(nameof(PublishLaterPart.ScheduledPublishUtc), "Hẹn giờ đăng (giờ Việt Nam)", context.VietnamDateTime(nameof(PublishLaterPart.ScheduledPublishUtc))));

    protected override void Update(EditorUpdateContext context) =>
        context.Set(nameof(PublishLaterPart.ScheduledPublishUtc), context.ReadVietnamDateTime(nameof(PublishLaterPart.ScheduledPublishUtc)));
}
