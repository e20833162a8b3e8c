// Answers as you type: fetches the same server-rendered page the form gives without JavaScript,
// debounced, and swaps in its answers. Nothing is stored.
(function () {
  "use strict";
  var form = document.querySelector("form.ask");
  var input = document.getElementById("q");
  var answers = document.getElementById("answers");
  if (!form || !input || !answers || !window.fetch || !window.DOMParser) { return; }
  var timer = null;
  var latest = 0;

  function search() {
    var q = input.value.trim();
    if (q.length < 2) { return; }
    var ticket = ++latest;
    var url = form.getAttribute("action") + "?q=" + encodeURIComponent(q.slice(0, 300));
    fetch(url, { credentials: "omit", referrerPolicy: "no-referrer" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        if (ticket !== latest) { return; }
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("answers");
        if (fresh) { answers.replaceChildren.apply(answers, Array.prototype.slice.call(fresh.childNodes)); }
      })
      .catch(function () { /* the form still works without this */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
})();
