// «Hva tror du?»: with JavaScript, each answer is shown in place right after the guess.
// Without it the form goes to the result page; both compare the same way (tools/normcheck.py).
(function () {
  "use strict";
  var form = document.querySelector("form.normcheck");
  if (!form) return;
  var items = form.querySelectorAll("fieldset.guess");
  var summary = document.getElementById("oppsummering");
  var revealed = 0;

  function parse(raw, scale) {
    var text = raw.trim();
    if (text.length > 12) return null;
    if (text.slice(-1) === "%") text = text.slice(0, -1).trim();
    text = text.replace(",", ".");
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(text)) return null;
    var value = parseFloat(text);
    return value <= scale ? value : null;
  }

  function verdictOf(guess, item) {
    var scale = Number(item.dataset.scale);
    var low = Number(item.dataset.low);
    var high = Number(item.dataset.high);
    var tolerance = scale / 20;
    if (guess >= low && guess <= high) return "exact";
    if (guess >= low - tolerance && guess <= high + tolerance) return "close";
    return guess > high ? "higher" : "lower";
  }

  function showError(item, input, error) {
    error.textContent = item.dataset.error;
    error.hidden = false;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", error.id);
    input.focus();
  }

  function clearError(input, error) {
    error.hidden = true;
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
  }

  // The bars are drawn on the server; only the guess bar and its words change here.
  function drawGuess(panel, guess, scale, shown) {
    var bars = panel.querySelector(".guess-bars");
    if (!bars) return;
    var word = bars.dataset.guessWord;
    bars.querySelector("[data-guess-bar]").setAttribute("width", (guess * 100) / scale + "%");
    bars.querySelector("[data-guess-label]").textContent = word + ": " + shown;
    bars.querySelector("title").textContent = word + ": " + shown + ". " + bars.dataset.figureTitle;
  }

  function reveal(item) {
    var input = item.querySelector("input");
    var error = item.querySelector(".error");
    var panel = item.querySelector(".reveal");
    var guess = parse(input.value, Number(item.dataset.scale));
    if (guess === null) {
      showError(item, input, error);
      return;
    }
    clearError(input, error);
    var verdict = verdictOf(guess, item);
    var mistake = item.dataset.mistake;
    var pulled = (verdict === "higher" && mistake === "too-high") || (verdict === "lower" && mistake === "too-low");
    panel.querySelectorAll("[data-verdict]").forEach(function (p) {
      p.hidden = p.dataset.verdict !== verdict;
    });
    panel.querySelector("[data-pulled]").hidden = !pulled;
    var shown = String(guess).replace(".", item.dataset.decimal) + item.dataset.suffix;
    panel.querySelector(".guess-shown").textContent = shown;
    drawGuess(panel, guess, Number(item.dataset.scale), shown);
    if (panel.hidden) {
      panel.hidden = false;
      revealed += 1;
    }
    panel.focus();
    if (summary && revealed === items.length) summary.hidden = false;
  }

  items.forEach(function (item) {
    var button = item.querySelector(".reveal-button");
    button.hidden = false;
    button.addEventListener("click", function () {
      reveal(item);
    });
    item.querySelector("input").addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        reveal(item);
      }
    });
  });
})();
