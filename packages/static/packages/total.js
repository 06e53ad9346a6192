// The running total of an order on a package page: the chosen tier plus the checked add-ons
// (price and days); the numbers come from data- attributes the server wrote.
(function () {
  "use strict";
  var form = document.querySelector("form[data-order-form]");
  if (!form) return;
  var out = form.querySelector("[data-total]");
  var daysOut = form.querySelector("[data-total-days]");
  function rupiah(n) {
    return "Rp " + String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }
  function update() {
    var tier = form.querySelector("input[name=tier]:checked");
    var price = tier ? parseInt(tier.dataset.price, 10) : 0;
    var days = tier ? parseInt(tier.dataset.days, 10) : 0;
    form.querySelectorAll("input[name=addons]:checked").forEach(function (box) {
      price += parseInt(box.dataset.price, 10);
      days += parseInt(box.dataset.days, 10);
    });
    if (out) out.textContent = rupiah(price);
    if (daysOut) daysOut.textContent = String(Math.max(days, 1));
  }
  form.addEventListener("change", update);
  update();
})();
