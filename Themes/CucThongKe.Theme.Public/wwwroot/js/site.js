// Enhances what already works without JavaScript: A- A A+ switches size in place and sets the same cookie as the links,
// so the choice survives a reload. Each link says which way it goes (data-step -1, 0, +1) from the size shown now.
document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".font-size a[data-step]");
    if (!link) { return; }
    event.preventDefault();
    var sizes = ["nho", "vua", "lon", "rat-lon"];
    var root = document.documentElement;
    var current = sizes.find(function (s) { return root.classList.contains("co-chu-" + s); }) || "vua";
    var step = parseInt(link.getAttribute("data-step"), 10) || 0;
    var next = step === 0 ? "vua" : sizes[Math.max(0, Math.min(sizes.length - 1, sizes.indexOf(current) + step))];
    sizes.forEach(function (s) { root.classList.remove("co-chu-" + s); });
    root.classList.add("co-chu-" + next);
    document.cookie = "ctk-co-chu=" + next + ";path=/;max-age=31536000;samesite=lax" + (location.protocol === "https:" ? ";secure" : "");
});
document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-print]");
    if (button) { window.print(); }
});
// The print button needs JavaScript; without it readers use the browser's own print command.
document.querySelectorAll("[data-print]").forEach(function (button) { button.hidden = false; });
