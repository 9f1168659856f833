// The editor's "Chuyển sang Unicode" offer (Điều 15.3). Progressive enhancement: without this file the server still
// refuses legacy titles and warns about legacy body text. The detector runs on the server only (/admin/unicode/kiem-tra);
// this file decides nothing about encodings except that text made of plain ASCII never needs asking about.
(function () {
    'use strict';

    var script = document.currentScript;
    var checkUrl = (script && script.getAttribute('data-check-url')) || '/admin/unicode/kiem-tra';
    var delay = 700;
    var previewLength = 160;
    var count = 0;

    function isPlainAscii(text) {
        return !/[^\x00-\x7f]/.test(text);
    }

    function plainText(html) {
        return new DOMParser().parseFromString(html, 'text/html').body.textContent || '';
    }

    function preview(text, html) {
        var plain = (html ? plainText(text) : text).replace(/\s+/g, ' ').trim();
        return plain.length > previewLength ? plain.slice(0, previewLength) + '…' : plain;
    }

    function describe(answer) {
        return answer.isLegacy
            ? 'Văn bản có vẻ gõ bằng bảng mã ' + answer.kindLabel + ', chưa phải Unicode.'
            : 'Văn bản ở dạng ' + answer.kindLabel + ', nên chuyển sang Unicode dựng sẵn.';
    }

    // One offer per field: a live region placed after the field (after Jodit's box for rich text).
    function Offer(form, after, read, write, html) {
        var self = this;
        var token = form.querySelector('input[name="__RequestVerificationToken"]');
        var region = document.createElement('div');
        region.className = 'unicode-offer';
        region.id = 'unicode-offer-' + (++count);
        // A polite live region from the start, so that the offer is read out when it appears; it is a "status" only while
        // it holds an offer (an empty status next to every field would be noise for screen readers and page scripts).
        region.setAttribute('aria-live', 'polite');
        after.insertAdjacentElement('afterend', region);

        var timer = null;
        var settled = null; // the text last answered for, converted or left as it is: not asked about again
        var pending = null;

        self.schedule = function (wait) {
            window.clearTimeout(timer);
            timer = window.setTimeout(self.check, wait);
        };

        self.check = function () {
            var text = read();
            if (text === settled || text === pending) {
                return;
            }

            if (text.trim() === '' || isPlainAscii(text)) {
                settled = text;
                self.clear();
                return;
            }

            pending = text;
            fetch(checkUrl, {
                method: 'POST',
                credentials: 'same-origin',
                headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': token ? token.value : '' },
                body: JSON.stringify({ text: text, html: html })
            }).then(function (response) {
                return response.ok ? response.json() : null;
            }).then(function (answer) {
                pending = null;
                if (answer === null || read() !== text) {
                    return;
                }

                if (answer.isClean || answer.converted === text) {
                    settled = text;
                    self.clear();
                } else {
                    self.show(text, answer);
                }
            }).catch(function () {
                pending = null;
            });
        };

        self.clear = function () {
            region.classList.remove('has-offer');
            region.removeAttribute('role');
            region.textContent = '';
        };

        self.show = function (text, answer) {
            self.clear();
            var message = document.createElement('p');
            message.textContent = describe(answer) + ' Xem trước: «' + preview(answer.converted, html) + '»';
            var accept = document.createElement('button');
            accept.type = 'button';
            accept.className = 'button button-primary';
            accept.textContent = 'Chuyển sang Unicode';
            accept.addEventListener('click', function () {
                settled = answer.converted;
                write(answer.converted);
                self.clear();
            });
            var ignore = document.createElement('button');
            ignore.type = 'button';
            ignore.className = 'button';
            ignore.textContent = 'Bỏ qua';
            ignore.addEventListener('click', function () {
                settled = text;
                self.clear();
            });
            region.appendChild(message);
            region.appendChild(accept);
            region.appendChild(document.createTextNode(' '));
            region.appendChild(ignore);
            region.setAttribute('role', 'status');
            region.classList.add('has-offer');
        };
    }

    function joditOf(area) {
        if (typeof window.Jodit === 'undefined' || !window.Jodit.instances) {
            return null;
        }

        var instances = window.Jodit.instances;
        return Object.keys(instances).map(function (k) { return instances[k]; }).find(function (e) { return e.element === area; }) || null;
    }

    function enhanceField(form, field) {
        var offer = new Offer(form, field, function () { return field.value; }, function (value) {
            field.value = value;
            field.focus();
        }, false);
        field.addEventListener('paste', function () { offer.schedule(0); });
        field.addEventListener('input', function () { offer.schedule(delay); });
        offer.schedule(0);
    }

    function enhanceRichText(form, area) {
        var editor = joditOf(area);
        if (editor === null) {
            enhanceField(form, area);
            return;
        }

        var offer = new Offer(form, editor.container, function () { return editor.value; }, function (value) {
            editor.value = value;
            editor.s.focus();
        }, true);
        editor.events.on('afterPaste', function () { offer.schedule(0); });
        editor.events.on('change', function () { offer.schedule(delay); });
        offer.schedule(0);
    }

    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('form').forEach(function (form) {
            if (!form.querySelector('.editor-section')) {
                return;
            }

            form.querySelectorAll('.editor-section input[type="text"], .editor-section textarea').forEach(function (field) {
                if (field.classList.contains('rich-text')) {
                    enhanceRichText(form, field);
                } else {
                    enhanceField(form, field);
                }
            });
        });
    });
}());
