// raci serve: drag and drop and upload progress, and a count of pending review changes.
// Every form works without this script.
"use strict";
(function () {
  function enhance(form) {
    var zone = form.querySelector(".dropzone");
    var input = form.querySelector("input[name=file]");
    var chosen = form.querySelector(".drop-chosen");
    var bar = form.querySelector(".upload-progress");
    var status = form.querySelector(".upload-status");
    var button = form.querySelector("button[type=submit]");
    function show() {
      chosen.textContent = input.files.length ? input.files[0].name : "";
    }
    input.addEventListener("change", show);
    ["dragenter", "dragover"].forEach(function (type) {
      zone.addEventListener(type, function (e) {
        e.preventDefault();
        zone.classList.add("over");
      });
    });
    ["dragleave", "drop"].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length) {
        input.files = e.dataTransfer.files;
        show();
      }
    });
    form.addEventListener("submit", function (e) {
      if (!window.FormData || !input.files.length) { return; }
      e.preventDefault();
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      bar.hidden = false;
      bar.value = 0;
      button.disabled = true;
      status.textContent = "Uploading…";
      xhr.upload.addEventListener("progress", function (p) {
        if (p.lengthComputable) {
          bar.value = Math.round((100 * p.loaded) / p.total);
          if (p.loaded === p.total) { status.textContent = "Auditing…"; }
        }
      });
      xhr.addEventListener("load", function () {
        var id = xhr.getResponseHeader("X-Raci-Audit");
        if (xhr.status === 200 && id) {
          window.location.assign("/audit/" + id);
          return;
        }
        // An error page: show it as the plain form would have.
        document.open();
        document.write(xhr.responseText);
        document.close();
      });
      xhr.addEventListener("error", function () {
        button.disabled = false;
        bar.hidden = true;
        status.textContent = "The upload failed: is raci serve still running?";
      });
      xhr.send(new FormData(form));
    });
    // Marks the form as enhanced: the browser test checks the script ran under the CSP.
    form.setAttribute("data-enhanced", "drop progress");
  }
  // The review form: a changed side marks its row and the buttons count the changes
  // waiting for a re-audit. The form posts the same without this.
  function enhanceReview(form) {
    var buttons = form.querySelectorAll("button.reaudit");
    function count() {
      var n = 0;
      Array.prototype.forEach.call(form.querySelectorAll("select[name^=side-]"), function (s) {
        var changed = !s.options[s.selectedIndex].defaultSelected;
        s.closest("tr").classList.toggle("pending", changed);
        if (changed) { n += 1; }
      });
      n += form.querySelectorAll("input[name=accept]:checked").length;
      Array.prototype.forEach.call(buttons, function (b) {
        b.textContent = n ? "Re-audit (" + n + " change" + (n === 1 ? "" : "s") + ")" : "Re-audit";
      });
    }
    form.addEventListener("change", count);
    form.setAttribute("data-enhanced", "count");
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form.upload-form"), enhance);
    Array.prototype.forEach.call(document.querySelectorAll("form.review-form"), enhanceReview);
  });
})();
