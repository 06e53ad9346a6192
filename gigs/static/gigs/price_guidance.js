/* Progressive enhancement of step 2 of posting a job: refresh the price guidance when the
   category changes. htmx is loaded only on this page. */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var form = document.querySelector("form[data-price-guidance]");
  var select = document.getElementById("id_category");
  if (!form || !select || !window.htmx) return;
  select.setAttribute("hx-get", form.getAttribute("data-price-guidance"));
  select.setAttribute("hx-target", "#price-guidance");
  select.setAttribute("hx-swap", "outerHTML");
  select.setAttribute("hx-trigger", "change");
  var token = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (token) select.setAttribute("hx-headers", JSON.stringify({ "X-CSRFToken": token.value }));
  window.htmx.process(select);
});
