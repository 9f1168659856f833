// Progressive enhancements of the back office. Every form works without this file.
(function () {
    'use strict';

    // Jodit's toolbar in Vietnamese (it ships no Vietnamese pack); only the words editors see.
    var vi = {
        'Bold': 'Đậm', 'Italic': 'Nghiêng', 'Underline': 'Gạch chân', 'Strike through': 'Gạch ngang',
        'Insert Unordered List': 'Danh sách dấu chấm', 'Insert Ordered List': 'Danh sách đánh số',
        'Insert link': 'Chèn liên kết', 'Insert Image': 'Chèn ảnh', 'Insert table': 'Chèn bảng',
        'Undo': 'Hoàn tác', 'Redo': 'Làm lại', 'Change mode': 'Xem mã HTML', 'Insert format block': 'Kiểu đoạn',
        'Normal': 'Đoạn thường', 'Heading 2': 'Tiêu đề 2', 'Heading 3': 'Tiêu đề 3', 'Heading 4': 'Tiêu đề 4', 'Quote': 'Trích dẫn',
        'Clear Formatting': 'Xoá định dạng', 'Align': 'Căn lề', 'Horizontal line': 'Đường kẻ ngang',
        'URL': 'Địa chỉ', 'Text': 'Chữ hiển thị', 'Alternative text': 'Mô tả thay thế (alt)', 'Insert': 'Chèn', 'Update': 'Cập nhật',
        'Open in new tab': 'Mở trong thẻ mới', 'Cancel': 'Huỷ', 'Delete': 'Xoá', 'Paste as HTML': 'Dán dạng HTML',
        'Keep': 'Giữ định dạng', 'Clean': 'Làm sạch', 'Insert only Text': 'Chỉ chèn chữ', 'Chars: %d': 'Ký tự: %d', 'Words: %d': 'Từ: %d'
    };

    function enhanceRichText() {
        if (typeof window.Jodit === 'undefined') {
            return;
        }

        document.querySelectorAll('textarea.rich-text').forEach(function (area) {
            window.Jodit.make(area, {
                language: 'vi',
                placeholder: 'Nhập nội dung...',
                i18n: { vi: vi },
                height: 420,
                toolbarAdaptive: false,
                buttons: ['paragraph', 'bold', 'italic', 'underline', '|', 'ul', 'ol', '|', 'link', 'image', 'table', 'hr', '|', 'eraser', 'undo', 'redo', 'source'],
                controls: {
                    paragraph: {
                        list: { p: 'Normal', h2: 'Heading 2', h3: 'Heading 3', h4: 'Heading 4', blockquote: 'Quote' }
                    }
                },
                // Text pasted from Word arrives cleaned: its styles and classes are dropped, structure (tables, lists) kept.
                askBeforePasteFromWord: false,
                askBeforePasteHTML: false,
                defaultActionOnPasteFromWord: 'insert_clear_html',
                defaultActionOnPaste: 'insert_clear_html',
                cleanHTML: { removeEmptyElements: true, fillEmptyParagraph: false },
                uploader: { insertImageAsBase64URI: false },
                link: { noFollowCheckbox: false },
                spellcheck: true,
                showXPathInStatusbar: false
            });
        });
    }

    document.addEventListener('DOMContentLoaded', enhanceRichText);
}());
