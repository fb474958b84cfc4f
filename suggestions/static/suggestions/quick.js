/* The deputy's quick item: a photo too large is named before it is sent, and
 * the button, once pressed, says the item is being sent and is not pressed
 * twice (the form's token keeps a second sending to one item anyway).
 *
 * Its words come from the portal's JavaScript catalogue (gettext, interpolate),
 * loaded as a script of its own: nothing inline, as the CSP requires.
 */
(function () {
  "use strict";
  var form = document.querySelector("[data-quick-item]");
  if (!form || typeof window.gettext !== "function") {
    return;
  }
  var MAX_BYTES = 10 * 1024 * 1024;
  var photo = form.querySelector("input[type=file]");
  var status = form.querySelector("[data-photo-status]");
  var button = form.querySelector("[data-submit]");

  function tooLarge() {
    var file = photo && photo.files && photo.files[0];
    return file && file.size > MAX_BYTES ? file : null;
  }

  if (photo && status) {
    photo.addEventListener("change", function () {
      var file = tooLarge();
      status.textContent = file ? interpolate(
        gettext("This photo is %(size)s MB; at most 10 MB, please. Choose a smaller one."),
        { size: (file.size / 1024 / 1024).toFixed(1) },
        true
      ) : "";
    });
  }

  form.addEventListener("submit", function (event) {
    if (tooLarge()) {
      event.preventDefault();
      photo.focus();
      return;
    }
    if (button.getAttribute("aria-disabled") === "true") {
      event.preventDefault();
      return;
    }
    button.setAttribute("aria-disabled", "true");
    button.textContent = gettext("Sending…");
  });
})();
