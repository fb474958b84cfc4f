/* Every portal page: the large-text switch, and the focus on an error summary.
 *
 * The switch is a button hidden until this script shows it. It sets the class
 * on <html> at once and remembers the choice in a cookie, which the server
 * reads (core.context_processors) to send the next pages with the class
 * already on, so they never flash in small text.
 */
(function () {
  "use strict";
  var COOKIE = "portal_text";
  var YEAR = 365 * 24 * 3600;
  var root = document.documentElement;

  function remember(large) {
    var cookie = COOKIE + "=" + (large ? "large" : "normal") +
      "; path=/; max-age=" + (large ? YEAR : 0) + "; SameSite=Lax";
    if (window.location.protocol === "https:") {
      cookie += "; Secure";
    }
    document.cookie = cookie;
  }

  var toggle = document.querySelector("[data-large-text-toggle]");
  if (toggle) {
    toggle.hidden = false;
    toggle.setAttribute("aria-pressed", String(root.classList.contains("large-text")));
    toggle.addEventListener("click", function () {
      var large = root.classList.toggle("large-text");
      toggle.setAttribute("aria-pressed", String(large));
      remember(large);
    });
  }

  // An error summary takes the focus, so that it is read out first; each of
  // its links moves the focus to the field it names.
  var summary = document.querySelector("[data-focus-on-load]");
  if (summary) {
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var field = link && document.getElementById(link.getAttribute("href").slice(1));
      if (field) {
        event.preventDefault();
        field.focus();
        var label = document.querySelector("label[for='" + field.id + "']");
        (label || field).scrollIntoView({ block: "center" });
      }
    });
  }
})();
