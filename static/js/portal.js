/* Progressive enhancements. Every feature works without this file: the quick exit is a
   plain link, the menu is a <details> element, videos are links to the provider. */
(function () {
  "use strict";

  /* ---------- Quick exit ---------- */
  var quickExit = document.querySelector("[data-quick-exit]");
  var SHIFT_WINDOW_MS = 5000;

  function leave(url) {
    document.documentElement.classList.add("is-exiting");
    document.title = "";
    // Tell the neutral site nothing about where the visitor came from.
    var referrer = document.querySelector('meta[name="referrer"]');
    if (referrer) referrer.setAttribute("content", "no-referrer");
    // replace(), not assign(): the Back button must not bring this page back.
    window.location.replace(url);
  }

  if (quickExit) {
    var exitUrl = quickExit.getAttribute("data-exit-url");
    var link = quickExit.querySelector("[data-quick-exit-link]");
    var hint = quickExit.querySelector("[data-quick-exit-hint]");
    var status = quickExit.querySelector("[data-quick-exit-status]");
    var presses = 0;
    var firstPressAt = 0;

    // The shortcut exists only with JavaScript, so it is announced only then.
    if (hint) hint.removeAttribute("hidden");

    link.addEventListener("click", function (event) {
      event.preventDefault();
      leave(exitUrl);
    });

    document.addEventListener("keydown", function (event) {
      if (event.key !== "Shift") {
        presses = 0;
        return;
      }
      if (event.repeat) return;
      var now = Date.now();
      if (presses === 0 || now - firstPressAt > SHIFT_WINDOW_MS) {
        presses = 0;
        firstPressAt = now;
      }
      presses += 1;
      if (presses >= 3) {
        presses = 0;
        leave(exitUrl);
      } else if (status) {
        status.textContent = quickExit.getAttribute(presses === 1 ? "data-shift-one" : "data-shift-two") || "";
      }
    });
  }

  /* ---------- Main navigation: open on wide screens where CSS cannot ---------- */
  var menu = document.querySelector("[data-main-nav]");
  if (menu && window.matchMedia) {
    var wide = window.matchMedia("(min-width: 48em)");
    var syncMenu = function () {
      if (wide.matches) menu.setAttribute("open", "");
    };
    syncMenu();
    if (wide.addEventListener) wide.addEventListener("change", syncMenu);
  }

  /* ---------- Videos: load the provider's player only when asked ---------- */
  Array.prototype.forEach.call(document.querySelectorAll("[data-video-embed]"), function (figure) {
    var button = figure.querySelector("[data-video-embed-load]");
    var template = figure.querySelector("[data-video-embed-template]");
    var title = figure.querySelector(".video-embed__title");
    if (!button || !template) return;
    button.removeAttribute("hidden");
    button.addEventListener("click", function () {
      var player = document.importNode(template.content, true);
      var frame = player.querySelector("iframe");
      if (frame && title) frame.setAttribute("title", title.textContent);
      var placeholder = figure.querySelector(".video-embed__placeholder");
      placeholder.replaceWith(player);
      if (frame) frame.focus();
    });
  });
})();
