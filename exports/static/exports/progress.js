// Exports list: while an export is being built, ask for its progress every
// two seconds and reload the list once it is ready (or has failed).
(function () {
  "use strict";
  var pending = document.querySelectorAll("[data-progress-url]");
  if (!pending.length) { return; }
  function poll() {
    var requests = Array.prototype.map.call(pending, function (el) {
      return fetch(el.getAttribute("data-progress-url"), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data) { return false; }
          el.textContent = data.progress + "%";
          return data.status === "done" || data.status === "failed";
        })
        .catch(function () { return false; });
    });
    Promise.all(requests).then(function (finished) {
      if (finished.some(Boolean)) { window.location.reload(); }
      else { window.setTimeout(poll, 2000); }
    });
  }
  window.setTimeout(poll, 2000);
})();
