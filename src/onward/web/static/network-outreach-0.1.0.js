// Outreach page: copy the (edited) message, and keep the mailto: link in step with what was typed.
(function () {
  "use strict";
  function ready() {
    var body = document.getElementById("o-body");
    var subject = document.getElementById("o-subject");
    var copy = document.querySelector("[data-copy]");
    var mail = document.querySelector("[data-mailto]");
    var said = document.querySelector("[data-copied]");
    if (!body) { return; }
    function refresh() {
      if (mail) {
        mail.href = "mailto:" + encodeURIComponent(mail.dataset.mailto).replace("%40", "@") +
          "?subject=" + encodeURIComponent(subject ? subject.value : "") + "&body=" + encodeURIComponent(body.value);
      }
    }
    body.addEventListener("input", refresh);
    if (subject) { subject.addEventListener("input", refresh); }
    if (copy && navigator.clipboard) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(body.value).then(function () {
          if (said) { said.textContent = "Copied. Paste it wherever you write to them."; }
        }, function () {
          body.select();
          if (said) { said.textContent = "Selected: press Ctrl+C (or ⌘C) to copy."; }
        });
      });
    }
    refresh();
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", ready); } else { ready(); }
})();
