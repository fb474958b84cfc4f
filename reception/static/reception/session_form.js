// Progressive enhancement of the session form; without it the form still works.
(function () {
  "use strict";
  var form = document.getElementById("session-form");
  if (!form) { return; }

  // Show only the deputies who may be named at the chosen station.
  var station = form.querySelector("select[name=station]");
  function filterDeputies() {
    if (!station) { return; }
    var chosen = station.value;
    form.querySelectorAll(".co-deputies input[type=checkbox]").forEach(function (box) {
      var where = (box.getAttribute("data-stations") || "").split(" ");
      var allowed = where.indexOf(chosen) !== -1;
      var wrapper = box.closest(".form-check");
      if (!allowed) { box.checked = false; }
      if (wrapper) { wrapper.classList.toggle("is-elsewhere", !allowed); }
    });
  }
  if (station) {
    station.addEventListener("change", filterDeputies);
    filterDeputies();
  }

  // "Add another issue" clones the empty issue form.
  var button = document.getElementById("add-issue");
  var template = document.getElementById("issue-template");
  var list = document.getElementById("issue-lines");
  var total = form.querySelector("input[name=issues-TOTAL_FORMS]");
  var max = form.querySelector("input[name=issues-MAX_NUM_FORMS]");
  if (button && template && list && total) {
    button.classList.remove("d-none");
    button.addEventListener("click", function () {
      var index = parseInt(total.value, 10);
      if (max && index >= parseInt(max.value, 10)) { return; }
      var html = template.innerHTML
        .replace(/__prefix__/g, String(index))
        .replace(/__number__/g, String(index + 1));
      list.insertAdjacentHTML("beforeend", html);
      total.value = String(index + 1);
      var added = list.lastElementChild.querySelector("textarea");
      if (added) { added.focus(); }
    });
  }

  // Focus the error summary so that screen readers announce it.
  var errors = document.getElementById("form-errors");
  if (errors) { errors.focus(); }
})();
