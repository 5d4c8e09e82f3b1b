/*
 * The correction form's place look-up: typing in Place offers gazetteer places (name, province, country,
 * population) as buttons; choosing one, or clicking the map, fills the place's name, coordinates, country,
 * precision and gazetteer id, and moves the marker. "Clear the place" empties them all. Actor fields get
 * suggestions of known actors as you type. Names from the gazetteer go into the page as text only.
 */
(function () {
  'use strict';
  var form = document.querySelector('form[action$="/correct"]');
  var picker = document.getElementById('place-picker');
  if (!form || !picker) return;
  picker.hidden = false;

  var name = document.getElementById('placeName'), id = document.getElementById('gazetteerId');
  var lat = document.getElementById('latitude'), lon = document.getElementById('longitude');
  var country = document.getElementById('country'), precision = document.getElementById('precision');
  var list = document.getElementById('place-suggestions'), status = document.getElementById('place-status');

  var KINDS = { neighbourhood: 'neighbourhood', city: 'town or city', admin2: 'district', admin1: 'province', country: 'country' };
  function describe(p) {
    var where = [p.admin1, p.country].filter(Boolean).join(', ');
    var text = p.name + (where ? ' — ' + where : '');
    var kind = KINDS[p.precision] || '';
    if (kind || p.population > 0) {
      text += ' (' + [kind, p.population > 0 ? p.population.toLocaleString('en-GB') + ' people' : ''].filter(Boolean).join(', ') + ')';
    }
    return text;
  }

  var map = null, marker = null;
  function show(p) {
    if (!map) return;
    var at = [p.lat, p.lon];
    if (marker) marker.setLatLng(at); else marker = L.marker(at, { keyboard: false, interactive: false }).addTo(map);
    map.setView(at, Math.max(map.getZoom(), 8));
  }

  function choose(p) {
    name.value = p.name;
    id.value = p.id;
    lat.value = p.lat;
    lon.value = p.lon;
    country.value = p.country || '';
    if (p.precision) precision.value = p.precision;
    while (list.firstChild) list.removeChild(list.firstChild);
    status.textContent = 'Chosen: ' + describe(p) + ', at ' + p.lat.toFixed(4) + ', ' + p.lon.toFixed(4) + '. Save the correction to keep it.';
    show(p);
  }

  var pending = 0;
  function suggest() {
    var q = name.value.trim();
    id.value = ''; // a typed name is no longer the chosen place
    var mine = ++pending;
    while (list.firstChild) list.removeChild(list.firstChild);
    if (q.length < 2) { status.textContent = ''; return; }
    fetch('/intel/places/lookup?q=' + encodeURIComponent(q), { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (places) {
        if (mine !== pending) return;
        status.textContent = places.length ? places.length + (places.length === 1 ? ' place' : ' places') + ' in the gazetteer start' + (places.length === 1 ? 's' : '') + ' with “' + q + '”.'
          : 'No place in the gazetteer starts with “' + q + '”: give its latitude and longitude.';
        places.forEach(function (p) {
          var li = document.createElement('li');
          var b = document.createElement('button');
          b.type = 'button';
          b.className = 'secondary place-choice';
          b.textContent = describe(p);
          b.setAttribute('data-id', p.id);
          b.addEventListener('click', function () { choose(p); name.focus(); });
          li.appendChild(b);
          list.appendChild(li);
        });
      });
  }
  var timer = null;
  name.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(suggest, 200); });

  document.getElementById('clear-place').addEventListener('click', function () {
    [name, id, lat, lon, country].forEach(function (f) { f.value = ''; });
    precision.value = '';
    if (marker) { map.removeLayer(marker); marker = null; }
    status.textContent = 'The place is cleared. Save the correction to keep it.';
  });

  // Known actors as you type, in the fields' shared datalist (the first 200 are there from the page).
  var actors = document.getElementById('known-actors');
  ['actor1', 'actor2'].forEach(function (f) {
    var input = document.getElementById(f);
    if (!input || !actors) return;
    input.addEventListener('input', function () {
      var q = input.value.trim();
      if (q.length < 2) return;
      fetch('/intel/actors/suggest?q=' + encodeURIComponent(q), { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (names) {
          var have = {};
          Array.prototype.forEach.call(actors.options, function (o) { have[o.value] = true; });
          names.forEach(function (n) {
            if (have[n]) return;
            var o = document.createElement('option');
            o.value = n;
            actors.appendChild(o);
          });
        });
    });
  });

  // The map: where the event is now; a click chooses the nearest gazetteer place.
  var box = document.getElementById('place-map');
  if (box && window.L && window.TrackerMap && window.topojson) {
    var la = parseFloat(box.getAttribute('data-lat')), lo = parseFloat(box.getAttribute('data-lon'));
    var placed = !isNaN(la) && !isNaN(lo);
    map = window.TrackerMap.create(box, box.getAttribute('aria-label'), placed ? [la, lo] : [33, 38], placed ? 7 : 4).map;
    if (placed) marker = L.marker([la, lo], { keyboard: false, interactive: false }).addTo(map);
    map.on('click', function (e) {
      fetch('/intel/places/nearest?lat=' + e.latlng.lat.toFixed(5) + '&lon=' + e.latlng.lng.toFixed(5), { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (p) {
          if (p) choose(p);
          else status.textContent = 'No town in the gazetteer near there: type the name, or give the latitude and longitude.';
        });
    });
  } else if (box) {
    box.hidden = true;
  }
})();
