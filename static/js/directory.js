/* Services directory: two enhancements of a page that works without them.
   1. "Use my location" fills in the `near` field from the browser's position (rounded to
      about a kilometre: it travels in the address) and submits the form.
   2. A map of the results, when the site has a tile server and Leaflet loaded. */
(function () {
  "use strict";

  function addNearMeButton() {
    var container = document.querySelector("[data-near-me]");
    if (!container || !("geolocation" in navigator)) return;
    var input = container.querySelector("input");
    var button = document.createElement("button");
    var status = document.createElement("p");
    button.type = "button";
    button.className = "button directory-filters__near-button";
    button.textContent = container.getAttribute("data-label");
    status.setAttribute("aria-live", "polite");
    status.className = "form-field__hint";
    button.addEventListener("click", function () {
      status.textContent = container.getAttribute("data-locating");
      navigator.geolocation.getCurrentPosition(
        function (position) {
          input.value =
            position.coords.latitude.toFixed(2) + "," + position.coords.longitude.toFixed(2);
          input.form.submit();
        },
        function () {
          status.textContent = container.getAttribute("data-failed");
        },
        { timeout: 15000, maximumAge: 600000 }
      );
    });
    container.appendChild(button);
    container.appendChild(status);
  }

  function showMap() {
    var element = document.getElementById("directory-map");
    var data = document.getElementById("directory-map-points");
    if (!element || !data || !window.L) return;
    var points = JSON.parse(data.textContent);
    if (!points.length) return;
    element.hidden = false;
    var map = window.L.map(element, { scrollWheelZoom: false });
    window.L.tileLayer(element.getAttribute("data-tile-url"), {
      maxZoom: 18,
      attribution: element.getAttribute("data-attribution") || ""
    }).addTo(map);
    var bounds = [];
    points.forEach(function (point) {
      var link = document.createElement("a");
      link.href = point.url;
      link.textContent = point.name;
      window.L.marker([point.lat, point.lon], { alt: point.name }).addTo(map).bindPopup(link);
      bounds.push([point.lat, point.lon]);
    });
    map.fitBounds(bounds, { maxZoom: 14, padding: [24, 24] });
  }

  addNearMeButton();
  // Leaflet is a deferred script placed after this one: wait until it has run.
  document.addEventListener("DOMContentLoaded", showMap);
})();
