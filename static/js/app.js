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
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
