// The admin's periodic task form (django-celery-beat): under the crontab field, how the chosen
// schedule reads. The package did this in an inline script, which the Content-Security-Policy refuses.
(function () {
  "use strict";
  var script = document.getElementById("periodic-task-overrides");
  var data = document.getElementById("readable-crontabs");
  var $ = window.django && window.django.jQuery;
  if (!script || !data || !$) {
    return;
  }
  var readable = JSON.parse(data.textContent);
  var help = script.dataset.help || "";
  var readsAs = script.dataset.readsAs || "";
  $(".field-crontab_translation").hide();
  $(".field-crontab").change(function () {
    var text = readable[$("#id_crontab").val()];
    var box = $(".field-crontab .help");
    box.text(help);
    if (text) {
      box.append(document.createElement("br"), document.createTextNode(readsAs + " " + text));
    }
  });
})();
