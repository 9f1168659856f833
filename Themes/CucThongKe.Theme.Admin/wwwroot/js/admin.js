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

    // The media library picker (/admin/media/chon) in a dialog: the page hands the chosen file over by postMessage.
    var pickerDialog = null;
    var onPicked = null;

    function openPicker(url, callback) {
        if (typeof HTMLDialogElement === 'undefined') {
            return false;
        }

        if (pickerDialog === null) {
            pickerDialog = document.createElement('dialog');
            pickerDialog.className = 'media-picker-dialog';
            pickerDialog.setAttribute('aria-label', 'Chọn từ thư viện');
            var close = document.createElement('button');
            close.type = 'button';
            close.className = 'button';
            close.textContent = 'Đóng';
            close.addEventListener('click', function () { pickerDialog.close(); });
            pickerDialog.appendChild(close);
            pickerDialog.appendChild(document.createElement('iframe'));
            pickerDialog.querySelector('iframe').title = 'Thư viện tệp';
            document.body.appendChild(pickerDialog);
        }

        onPicked = callback;
        pickerDialog.querySelector('iframe').src = url;
        pickerDialog.showModal();
        return true;
    }

    window.addEventListener('message', function (event) {
        if (event.origin !== window.location.origin || !event.data || event.data.type !== 'cms-media-pick' || onPicked === null) {
            return;
        }

        var callback = onPicked;
        onPicked = null;
        pickerDialog.close();
        callback(event.data);
    });

    // One of the widths /anh serves (ImageVariants.Widths); any other width is a 404.
    function imageUrl(path) {
        return '/anh/1024/' + path.split('/').map(encodeURIComponent).join('/');
    }

    function escapeAttribute(text) {
        return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    }

    var libraryImageButton = {
        name: 'thu-vien',
        icon: 'image',
        tooltip: 'Chèn ảnh từ thư viện',
        exec: function (editor) {
            editor.s.save();
            openPicker('/admin/media/chon?loai=anh', function (file) {
                var alt = askAlt();
                if (alt === null) {
                    return;
                }

                editor.s.restore();
                editor.s.insertHTML('<img src="' + escapeAttribute(imageUrl(file.path)) + '" alt="' + escapeAttribute(alt) + '">');
            });
        }
    };

    // The server refuses a library image without alt text: ask until there is one; null when the person cancels.
    function askAlt() {
        var alt = '';
        while (alt.trim() === '') {
            alt = window.prompt('Mô tả thay thế (alt) của ảnh, cho người khiếm thị (bắt buộc):', '');
            if (alt === null) {
                return null;
            }
        }

        return alt;
    }

    // An image dropped into the editor goes to the library (/admin/media/chon?handler=Drop), then in as a library image.
    function acceptDroppedImages(editor, area) {
        var token = area.form && area.form.querySelector('input[name="__RequestVerificationToken"]');
        if (!token || typeof window.fetch === 'undefined' || typeof window.FormData === 'undefined') {
            return;
        }

        editor.editor.addEventListener('drop', function (event) {
            var files = event.dataTransfer && event.dataTransfer.files;
            if (!files || files.length === 0 || !/^image\//.test(files[0].type)) {
                return;
            }

            event.preventDefault();
            event.stopPropagation();
            var data = new window.FormData();
            data.append('file', files[0]);
            window.fetch('/admin/media/chon?handler=Drop', {
                method: 'POST',
                credentials: 'same-origin',
                headers: { 'RequestVerificationToken': token.value },
                body: data
            }).then(function (response) {
                return response.json();
            }).then(function (answer) {
                if (answer.error || !answer.path) {
                    window.alert(answer.error || 'Không tải được ảnh lên thư viện.');
                    return;
                }

                var alt = askAlt();
                if (alt !== null) {
                    editor.s.insertHTML('<img src="' + escapeAttribute(imageUrl(answer.path)) + '" alt="' + escapeAttribute(alt) + '">');
                }
            }).catch(function () {
                window.alert('Không tải được ảnh lên thư viện.');
            });
        }, true);
    }

    function enhanceMediaFields() {
        document.querySelectorAll('a.media-pick').forEach(function (link) {
            link.addEventListener('click', function (event) {
                var rows = document.getElementById(link.getAttribute('data-target'));
                var opened = openPicker(link.href, function (file) {
                    var paths = rows.querySelectorAll('input[name$=".Path"]');
                    var empty = Array.prototype.find.call(paths, function (input) { return input.value === ''; }) || paths[paths.length - 1];
                    empty.value = file.path;
                    var next = empty.closest('.file-row').querySelectorAll('input')[1];
                    (next || empty).focus();
                });
                if (opened) {
                    event.preventDefault();
                }
            });
        });
    }

    // Inside the dialog, the picker's choices hand the file to the editor instead of navigating.
    function enhancePickerPage() {
        if (window.parent === window || !document.querySelector('table.media-picker')) {
            return;
        }

        document.documentElement.classList.add('in-dialog');
        document.querySelectorAll('.media-choose').forEach(function (choice) {
            choice.addEventListener('click', function (event) {
                event.preventDefault();
                window.parent.postMessage({
                    type: 'cms-media-pick',
                    path: choice.getAttribute('data-path'),
                    name: choice.getAttribute('data-name'),
                    image: choice.getAttribute('data-image') === 'true'
                }, window.location.origin);
            });
        });
    }

    function enhanceRichText() {
        if (typeof window.Jodit === 'undefined') {
            return;
        }

        document.querySelectorAll('textarea.rich-text').forEach(function (area) {
            var editor = window.Jodit.make(area, {
                language: 'vi',
                placeholder: 'Nhập nội dung...',
                i18n: { vi: vi },
                height: 420,
                toolbarAdaptive: false,
                buttons: ['paragraph', 'bold', 'italic', 'underline', '|', 'ul', 'ol', '|', 'link', 'image', libraryImageButton, 'table', 'hr', '|', 'eraser', 'undo', 'redo', 'source'],
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
            acceptDroppedImages(editor, area);
        });
    }

    // "Someone else is editing this item": the edit page renews its mark every 30 seconds and shows who else has it open.
    function refreshPresence() {
        var box = document.getElementById('editing-presence');
        var token = document.querySelector('input[name="__RequestVerificationToken"]');
        if (!box || !token || typeof window.fetch === 'undefined') {
            return;
        }

        window.setInterval(function () {
            window.fetch(box.getAttribute('data-presence-url'), {
                method: 'POST',
                credentials: 'same-origin',
                headers: { 'RequestVerificationToken': token.value }
            }).then(function (response) {
                return response.ok ? response.json() : null;
            }).then(function (answer) {
                if (answer && Array.isArray(answer.others)) {
                    box.querySelector('.presence-names').textContent = answer.others.join(', ');
                    box.hidden = answer.others.length === 0;
                }
            }).catch(function () { /* the next refresh tries again */ });
        }, 30000);
    }

    document.addEventListener('DOMContentLoaded', function () {
        refreshPresence();
        enhanceRichText();
        enhanceMediaFields();
        enhancePickerPage();
    });
}());
