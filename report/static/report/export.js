// Follows a report export until its file is ready; no inline script (CSP).
(function () {
  "use strict";
  var box = document.getElementById("report-export");
  if (!box || box.dataset.finished === "1") {
    return;
  }
  var url = box.dataset.progressUrl;
  var bar = document.getElementById("export-progress");
  var percent = document.getElementById("export-percent");
  var status = document.getElementById("export-status");
  var error = document.getElementById("export-error");
  var download = document.getElementById("export-download");
  var failedText = box.querySelector("[data-failed-text]").dataset.failedText;

  function show(data) {
    bar.value = data.progress;
    bar.textContent = data.progress + "%";
    percent.textContent = data.progress + "%";
    status.textContent = data.status_display;
    if (data.download_url) {
      document.getElementById("export-download-link").href = data.download_url;
      download.hidden = false;
    }
    if (data.error) {
      error.textContent = failedText + " " + data.error;
      error.hidden = false;
    }
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (data) {
        show(data);
        if (!data.finished) {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  }

  poll();
})();
