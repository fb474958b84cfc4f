// The print button of the report page; no inline script (CSP).
(function () {
  "use strict";
  var button = document.querySelector("[data-report-print]");
  if (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  }
})();
