/* Shows the amount an owner types, read the way the server reads it: "1.500.000" → "Rp 1.500.000".
   Progressive enhancement: without this file the server's message says what was read. */
(function () {
  "use strict";
  var WORDS = { rb: 1e3, ribu: 1e3, k: 1e3, jt: 1e6, juta: 1e6, m: 1e9, miliar: 1e9, milyar: 1e9 };

  function parse(text) {
    var s = text.toLowerCase().replace(/\u00a0/g, " ").trim().replace(/^rp\.?\s*/, "").replace(/[,.]-$/, "").trim();
    if (!s) return null;
    var multiplier = 1;
    var m = s.match(/^(.*?)\s*(miliar|milyar|ribu|juta|rb|jt|k|m)\.?$/);
    if (m && m[1]) { multiplier = WORDS[m[2]]; s = m[1].trim(); }
    s = s.replace(/\s/g, "");
    if (!/^[0-9.,]+$/.test(s)) return NaN;
    var intPart = s, frac = "";
    var comma = s.indexOf(",");
    if (comma >= 0) { intPart = s.slice(0, comma); frac = s.slice(comma + 1); if (/[.,]/.test(frac)) return NaN;
      if (multiplier === 1 && frac.length >= 3) return NaN; /* "1.500,000": no thousandths of a Rupiah */ }
    if (intPart.indexOf(".") >= 0 && !/^\d{1,3}(\.\d{3})+$/.test(intPart)) return NaN;
    var value = parseFloat(intPart.replace(/\./g, "") + (frac ? "." + frac : "")) * multiplier;
    if (!isFinite(value) || Math.round(value) !== value) return NaN;
    return value;
  }

  function format(n) { return "Rp " + String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }

  function attach(input) {
    var out = document.createElement("span");
    out.className = "rupiah-preview";
    out.id = input.id ? input.id + "-preview" : "";
    out.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", out);
    var described = input.getAttribute("aria-describedby");
    if (out.id) input.setAttribute("aria-describedby", (described ? described + " " : "") + out.id);
    function update() {
      var value = parse(input.value);
      if (value === null) { out.textContent = ""; out.classList.remove("is-bad"); return; }
      if (isNaN(value)) {
        out.textContent = input.getAttribute("data-rupiah-invalid") || "?";
        out.classList.add("is-bad");
      } else {
        out.textContent = "= " + format(value);
        out.classList.remove("is-bad");
      }
    }
    input.addEventListener("input", update);
    update();
  }

  function init() { Array.prototype.forEach.call(document.querySelectorAll("input[data-rupiah]"), attach); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
