// The language switcher keeps the reader's place: the same page (the links already say so) and the
// same anchor, added here from the address (#passage). Without JavaScript the page is kept.
(function () {
  "use strict";
  function keepAnchor() {
    var links = document.querySelectorAll("a.edition");
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      var base = link.getAttribute("href").split("#")[0];
      link.setAttribute("href", base + window.location.hash);
    }
  }
  document.addEventListener("DOMContentLoaded", keepAnchor);
  window.addEventListener("hashchange", keepAnchor);
})();
