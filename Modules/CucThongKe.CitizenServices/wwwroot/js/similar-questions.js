// As the citizen writes a question, lists answered questions like it (GET /hoi-dap/cau-hoi-tuong-tu?q=): the page's
// own look-up form (?tim=) does the same without this script.
(function () {
    "use strict";
    var list = document.getElementById("cau-hoi-tuong-tu");
    var text = document.getElementById("cau-hoi");
    if (!list || !text || !window.fetch) {
        return;
    }

    var timer = 0;
    var last = "";
    text.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
            var q = text.value.trim().slice(0, 300);
            if (q.length < 10 || q === last) {
                return;
            }

            last = q;
            fetch(list.getAttribute("data-source") + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
                .then(function (response) { return response.ok ? response.json() : []; })
                .then(function (questions) {
                    list.textContent = "";
                    questions.forEach(function (question) {
                        var item = document.createElement("li");
                        var link = document.createElement("a");
                        link.href = question.url;
                        link.textContent = question.title;
                        item.appendChild(link);
                        list.appendChild(item);
                    });
                })
                .catch(function () { /* suggestions are a help, never a condition of sending */ });
        }, 600);
    });
}());
