// Answers as you type: fetches the same server-rendered page the form gives without JavaScript,
// debounced, and swaps in its answers. The address follows the question (history.replaceState), so
// refresh, Back and sharing keep it; clearing the field clears the answers. Nothing is stored.
(function () {
  "use strict";
  var form = document.querySelector("form.ask");
  var input = document.getElementById("q");
  var answers = document.getElementById("answers");
  var status = document.getElementById("ask-status");
  if (!form || !input || !answers || !window.fetch || !window.DOMParser) { return; }
  var action = form.getAttribute("action");
  var timer = null;
  var latest = 0;

  function setStatus(text) {
    if (status) { status.textContent = text; }
  }

  function follow(q) {
    if (window.history && history.replaceState) {
      history.replaceState(null, "", q ? action + "?q=" + encodeURIComponent(q) : action);
    }
  }

  function swapIn(html, ticket) {
    if (ticket !== latest) { return; }
    var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("answers");
    if (fresh) { answers.replaceChildren.apply(answers, Array.prototype.slice.call(fresh.childNodes)); }
  }

  function load(url, ticket) {
    return fetch(url, { credentials: "omit", referrerPolicy: "no-referrer" })
      .then(function (response) { return response.text(); })
      .then(function (html) { swapIn(html, ticket); })
      .catch(function () { /* the form still works without this */ })
      .then(function () { if (ticket === latest) { setStatus(""); } });
  }

  function search() {
    var q = input.value.trim().slice(0, 300);
    if (q.length === 0) {
      // Cleared: the old answers go at once, and the examples come back.
      var ticket = ++latest;
      answers.replaceChildren();
      setStatus("");
      follow("");
      load(action, ticket);
      return;
    }
    if (q.length < 2) { return; }
    var mine = ++latest;
    setStatus(status ? status.getAttribute("data-searching") : "");
    follow(q);
    load(action + "?q=" + encodeURIComponent(q), mine);
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, input.value.trim() ? 250 : 0);
  });
})();
