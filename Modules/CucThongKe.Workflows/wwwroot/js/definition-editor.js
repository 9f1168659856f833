// The workflow definition editor: the validator's findings and the diagram follow the JSON as it is typed.
// The page works without this file (its "Kiểm tra và xem sơ đồ" button does the same on request).
(function () {
    'use strict';

    var area = document.getElementById('definition-json');
    var region = document.getElementById('definition-check');
    if (!area || !region || !window.fetch) {
        return;
    }

    var form = area.form;
    var timer = 0;
    var sent = 0;

    function check() {
        var mine = ++sent;
        fetch(form.getAttribute('data-check-url'), { method: 'POST', body: new FormData(form), credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) {
                // Only the answer to the latest text counts.
                if (html !== null && mine === sent) {
                    region.innerHTML = html;
                }
            })
            .catch(function () { /* The buttons still work. */ });
    }

    area.addEventListener('input', function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(check, 400);
    });
}());
