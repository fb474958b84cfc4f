/* The public form: "New sum" without leaving the page.
 *
 * Without this script the button sends the form back (SuggestionForm keeps what
 * was written and shows a new sum). With it, the page is asked for again in the
 * background and its fresh challenge (picture, key and the sum in words) takes
 * the old one's place; what the resident wrote, photos included, stays.
 */
(function () {
  "use strict";
  var button = document.querySelector("[data-new-challenge]");
  if (!button || !window.fetch || !window.DOMParser) {
    return;
  }
  var form = button.form;
  var block = button.closest("[data-captcha-challenge]");
  var status = block.querySelector("[data-captcha-status]");
  // A plain button now: Enter in a field still sends the form, not this.
  button.type = "button";
  button.removeAttribute("name");

  function replace(fresh) {
    var pairs = [
      ["img.captcha", "src"],
      ["input[type=hidden]", "value"]
    ];
    pairs.forEach(function (pair) {
      block.querySelector(pair[0])[pair[1]] = fresh.querySelector(pair[0])[pair[1]];
    });
    block.querySelector(".captcha-question").textContent =
      fresh.querySelector(".captcha-question").textContent;
    var answer = block.querySelector("input.captcha-answer");
    answer.value = "";
  }

  button.addEventListener("click", function () {
    button.setAttribute("aria-busy", "true");
    status.textContent = "";
    fetch(form.getAttribute("action") || window.location.pathname, {
      credentials: "same-origin",
      cache: "no-store",
      headers: { "Accept": "text/html" }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      return response.text();
    }).then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      var fresh = page.querySelector("[data-captcha-challenge]");
      if (!fresh) {
        throw new Error("no challenge");
      }
      replace(fresh);
    }).catch(function () {
      status.textContent = button.getAttribute("data-failed");
    }).then(function () {
      button.removeAttribute("aria-busy");
    });
  });
})();
