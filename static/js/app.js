/* Small site-wide behaviour, each piece optional: the pages work without it. */
(function () {
  "use strict";
  function init() {
    // A failed form: move focus to its error summary so a phone user sees what went wrong.
    var summary = document.getElementById("error-summary");
    if (summary && document.activeElement !== summary) {
      summary.focus();
      summary.scrollIntoView({ block: "start" });
    }
    // Bar widths come as data-width="40" (percent): the Content-Security-Policy allows no
    // style attributes, but a script of ours may set the style.
    var bars = document.querySelectorAll("[data-width]");
    for (var i = 0; i < bars.length; i++) {
      var value = parseFloat(bars[i].getAttribute("data-width"));
      if (!isNaN(value)) bars[i].style.width = Math.max(0, Math.min(100, value)) + "%";
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
