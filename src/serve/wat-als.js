// What if? on an agreement's page of `akkoord serve`. Each control holds one fact; when one
// changes, every value that differs from the recorded facts is posted to the server, which
// answers with the answer part of the page made with those values (escaped there), and that
// part is swapped in. Nothing is stored: the values live in this page only.
//
// `#stel=fact=value&stel=…` in the address sets controls the same way a person does (set the
// value, send the change event), for links and tests.
(function () {
  "use strict";
  var panel = document.getElementById("wat-als");
  var target = document.getElementById("antwoord");
  if (!panel || !target) {
    return;
  }
  panel.hidden = false;
  var status = document.getElementById("wat-als-status");
  var controls = Array.prototype.slice.call(panel.querySelectorAll("[data-fact]"));
  var extra = [];
  var sequence = 0;

  function value(control) {
    var v = control.value.trim();
    if (v === control.getAttribute("data-initial")) {
      return null;
    }
    if (v === "") {
      return "onbekend";
    }
    if (control.getAttribute("data-kind") === "tekst" && v.charAt(0) !== "\"") {
      return JSON.stringify(v);
    }
    return v;
  }

  function stel() {
    var out = [];
    controls.forEach(function (c) {
      var v = value(c);
      if (v !== null) {
        out.push(c.getAttribute("data-fact") + "=" + v);
      }
    });
    return out.concat(extra);
  }

  function messages(text) {
    try {
      return JSON.parse(text).errors.map(function (e) {
        return e.message + (e.help ? " (" + e.help + ")" : "");
      }).join("; ");
    } catch (ignored) {
      return text;
    }
  }

  function update() {
    var mine = ++sequence;
    status.textContent = panel.getAttribute("data-busy");
    var body = JSON.stringify({ op: target.getAttribute("data-op"), stel: stel() });
    fetch(target.getAttribute("data-url"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: body
    }).then(function (response) {
      return response.text().then(function (text) {
        return { ok: response.ok, text: text };
      });
    }).then(function (answer) {
      if (mine !== sequence) {
        return;
      }
      if (answer.ok) {
        target.innerHTML = answer.text;
        status.textContent = "";
      } else {
        status.textContent = messages(answer.text);
      }
    }).catch(function () {
      if (mine === sequence) {
        status.textContent = panel.getAttribute("data-failed");
      }
    });
  }

  controls.forEach(function (c) {
    c.addEventListener("change", update);
  });
  panel.querySelector("form").addEventListener("reset", function () {
    extra = [];
    setTimeout(update, 0);
  });

  function fromAddress() {
    var hash = window.location.hash.replace(/^#/, "");
    hash.split("&").forEach(function (part) {
      if (part.indexOf("stel=") !== 0) {
        return;
      }
      var text = decodeURIComponent(part.slice(5).replace(/\+/g, " "));
      var at = text.indexOf("=");
      if (at < 0) {
        return;
      }
      var name = text.slice(0, at).trim();
      var control = controls.filter(function (c) {
        return c.getAttribute("data-fact") === name;
      })[0];
      if (control) {
        control.value = text.slice(at + 1).trim();
        control.dispatchEvent(new Event("change", { bubbles: true }));
      } else {
        extra.push(text);
        update();
      }
    });
  }
  fromAddress();
  window.addEventListener("hashchange", fromAddress);
})();
