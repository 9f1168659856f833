// Enhances what already works without JavaScript: A- A A+ switches size in place (the links set the same cookie).
document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".font-size a[data-size]");
    if (!link) { return; }
    event.preventDefault();
    var sizes = ["nho", "vua", "lon", "rat-lon"];
    var root = document.documentElement;
    var current = sizes.find(function (s) { return root.classList.contains("co-chu-" + s); }) || "vua";
    var label = link.getAttribute("aria-label") || "";
    var index = sizes.indexOf(current);
    var next = label.indexOf("Giảm") === 0 ? sizes[Math.max(0, index - 1)] : label.indexOf("Tăng") === 0 ? sizes[Math.min(sizes.length - 1, index + 1)] : "vua";
    sizes.forEach(function (s) { root.classList.remove("co-chu-" + s); });
    root.classList.add("co-chu-" + next);
    document.cookie = "ctk-co-chu=" + next + ";path=/;max-age=31536000;samesite=lax";
});
document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-print]");
    if (button) { window.print(); }
});
// The print button needs JavaScript; without it readers use the browser's own print command.
document.querySelectorAll("[data-print]").forEach(function (button) { button.hidden = false; });
