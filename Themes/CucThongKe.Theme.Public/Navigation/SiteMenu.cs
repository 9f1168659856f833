namespace CucThongKe.Theme.Public.Navigation;

/// <summary>A link of the main menu or the sitemap.</summary>
public sealed record MenuLink(string Title, string Url, string? Description = null);

/// <summary>The main menu the state-website rules ask for: home, about, the content areas of Điều 12, Q&amp;A, contacts, sitemap.</summary>
/// <remarks>The descriptions are the pages' intros for readers: the regulation's article numbers stay in these comments and the docs.</remarks>
public static class SiteMenu
{
    public static readonly IReadOnlyList<MenuLink> Main =
    [
        new("Trang chủ", "/"),
        new("Giới thiệu", "/gioi-thieu", "Chức năng, nhiệm vụ, cơ cấu tổ chức của Cục và các đơn vị."), // Điều 12.1
        new("Tin tức", "/tin-tuc", "Tin hoạt động của Cục, các đơn vị, Đảng và đoàn thể."), // Điều 12.5, 12.7
        new("Văn bản", "/van-ban", "Văn bản pháp luật, phương án điều tra, chế độ báo cáo, danh mục dùng chung."), // Điều 12.2, 12.3
        new("Tình hình KT-XH", "/tinh-hinh-kinh-te-xa-hoi", "Báo cáo tình hình kinh tế - xã hội tháng, quý, 6 tháng, 9 tháng, năm."), // Điều 12.6
        new("Ấn phẩm", "/an-pham", "Niên giám thống kê và các ấn phẩm phân tích."), // Điều 12.4
        new("Hỏi đáp", "/hoi-dap", "Giải đáp câu hỏi của tổ chức, cá nhân về thống kê."), // Điều 12.9
        new("Liên hệ", "/lien-he", "Địa chỉ, điện thoại, thư điện tử của Cục."),
        new("Sơ đồ trang", "/so-do-trang"),
    ];

    /// <summary>Pages reached from the footer and the sitemap rather than the main menu.</summary>
    public static readonly IReadOnlyList<MenuLink> More =
    [
        new("Lịch phổ biến thông tin thống kê", "/lich-cong-bo", "Thời gian công bố các báo cáo thống kê sắp tới."), // Điều 4.2
        new("Danh bạ thư điện tử", "/danh-ba", "Địa chỉ thư điện tử công vụ của lãnh đạo Cục, trưởng các phòng và chi cục."), // Điều 12.8
        new("Góp ý", "/gop-y", "Gửi góp ý về hoạt động của Cục và Trang thông tin điện tử; tra cứu tình trạng xử lý bằng mã số."),
        new("Lấy ý kiến dự thảo", "/lay-y-kien", "Dự thảo văn bản đang lấy ý kiến nhân dân, và kết quả các đợt lấy ý kiến đã kết thúc."),
        new("Kênh RSS", "/kenh-rss", "Tin mới theo định dạng RSS 2.0: tất cả, theo từng mục và từng chuyên mục."),
        new("Chỉ số thống kê", "/chi-so", "Các chỉ số kinh tế - xã hội chủ yếu của tỉnh: số liệu theo kỳ, biểu đồ, tải về, phương pháp tính."),
        new("Dữ liệu mở", "/du-lieu-mo", "Các bộ dữ liệu thống kê của tỉnh để tải về và sử dụng lại (CSV, XLSX, JSON, API), kèm giấy phép và dòng trích dẫn."),
    ];

    /// <summary>The state portals the home page links to.</summary>
    public static readonly IReadOnlyList<MenuLink> Portals =
    [
        new("Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn"),
        new("Cục Thống kê (Bộ Tài chính)", "https://www.nso.gov.vn"),
        new("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
        new("Cổng Thông tin điện tử tỉnh Thái Nguyên", "https://thainguyen.gov.vn"),
    ];

    /// <summary>Whether <paramref name="url"/> is the current section of <paramref name="path"/>.</summary>
    public static bool IsCurrent(string url, string path) =>
        url == "/" ? path == "/" : path == url || path.StartsWith(url + "/", StringComparison.Ordinal);
}
