(function () {
  "use strict";
  var button = document.getElementById("read-aloud");
  if (!button || !("speechSynthesis" in window) || !("SpeechSynthesisUtterance" in window)) {
    return;
  }
  var readLabel = button.textContent;
  var stopLabel = button.getAttribute("data-stop") || readLabel;
  var lang = (document.documentElement.lang || "en").toLowerCase();
  function localVoice() {
    var voices = window.speechSynthesis.getVoices().filter(function (v) { return v.localService; });
    var same = voices.filter(function (v) { return v.lang.toLowerCase() === lang; });
    var close = voices.filter(function (v) { return v.lang.toLowerCase().slice(0, 2) === lang.slice(0, 2); });
    return same[0] || close[0] || null;
  }
  function offer() { button.hidden = localVoice() === null; }
  offer();
  window.speechSynthesis.addEventListener("voiceschanged", offer);
  button.addEventListener("click", function () {
    var synth = window.speechSynthesis;
    if (synth.speaking) {
      synth.cancel();
      button.textContent = readLabel;
      return;
    }
    var voice = localVoice();
    if (voice === null) { button.hidden = true; return; }
    var main = document.getElementById("main") || document.body;
    var utterance = new SpeechSynthesisUtterance(main.innerText);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.85;
    utterance.onend = utterance.onerror = function () { button.textContent = readLabel; };
    button.textContent = stopLabel;
    synth.speak(utterance);
  });
}());
