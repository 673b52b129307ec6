/* Type-ahead for the search box: the ARIA 1.2 combobox pattern (list autocomplete, focus
   stays in the box, the highlighted option named by aria-activedescendant). A progressive
   enhancement: without this file the box is a plain search field, and nothing here ever
   blocks typing (requests are debounced and cancelled by newer ones). */
(function () {
  "use strict";

  var DELAY_MS = 150;
  var MIN_LENGTH = 2;

  function enhance(form, formIndex) {
    var input = form.querySelector(".search-form__input");
    var url = form.getAttribute("data-suggestions-url");
    if (!input || !url || !window.fetch) return;

    var listId = "search-suggestions-" + formIndex;
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.getAttribute("data-suggestions-label"));
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.parentNode.appendChild(list);
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");

    var options = [];
    var active = -1;
    var timer = null;
    var pending = null;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      options.forEach(function (option, position) {
        option.setAttribute("aria-selected", position === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function go(option) {
      window.location.assign(option.getAttribute("data-url"));
    }

    function show(suggestions) {
      list.textContent = "";
      options = suggestions.map(function (suggestion, position) {
        var option = document.createElement("li");
        option.id = listId + "-" + position;
        option.className = "search-suggestions__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-url", suggestion.url);
        option.textContent = suggestion.title;
        // A service not yet translated is named in its own language (WCAG 3.1.2).
        if (suggestion.lang) {
          option.lang = suggestion.lang;
        }
        // mousedown, not click: it comes before the box loses focus and closes the list.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          go(option);
        });
        list.appendChild(option);
        return option;
      });
      active = -1;
      if (options.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = input
          .getAttribute("data-suggestions-count")
          .replace("%(count)s", String(options.length));
      } else {
        close();
        status.textContent = "";
      }
    }

    function fetchSuggestions() {
      var text = input.value.trim();
      if (pending) pending.abort();
      if (text.length < MIN_LENGTH) {
        show([]);
        return;
      }
      pending = new AbortController();
      fetch(url + "?q=" + encodeURIComponent(text), {
        signal: pending.signal,
        credentials: "omit",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          // An answer to older text than the box now holds is dropped.
          if (input.value.trim() === text) show(data.suggestions || []);
        })
        .catch(function () {
          /* Offline or cancelled: the plain search still works. */
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown") {
        if (!options.length) return;
        event.preventDefault();
        if (!open) {
          list.hidden = false;
          input.setAttribute("aria-expanded", "true");
        }
        highlight(active + 1 >= options.length ? 0 : active + 1);
      } else if (event.key === "ArrowUp") {
        if (!open || !options.length) return;
        event.preventDefault();
        highlight(active <= 0 ? options.length - 1 : active - 1);
      } else if (event.key === "Enter") {
        // Enter on a highlighted suggestion opens it; otherwise the form searches.
        if (open && active >= 0) {
          event.preventDefault();
          go(options[active]);
        }
      } else if (event.key === "Escape") {
        if (open) {
          event.preventDefault();
          close();
        }
      }
    });

    input.addEventListener("blur", close);
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-suggestions-url]"), enhance);
})();
