/*
 * Tracker: enhances the server-rendered filters and event list with a Leaflet map on an offline
 * basemap (Natural Earth countries, GeoNames towns), clustered markers, a brushable timeline and an
 * event panel. Everything that comes from articles is untrusted: it only ever goes into the page as
 * text (textContent, text nodes), never as markup.
 */
(function () {
  'use strict';

  var T = window.TrackerMap;
  if (!T) return;
  var TYPES = T.TYPES, OTHER = T.OTHER, keyOf = T.keyOf, el = T.el;
  var DAY = 86400000;

  function svg(tag, attrs) {
    var e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  var visual = document.getElementById('tracker-visual');
  var form = document.getElementById('filters');
  if (!visual || !form || !window.L || !window.topojson) return;
  visual.hidden = false;

  var status = document.getElementById('map-status');

  /* ---- Filters and the URL ---- */

  function currentQuery() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (String(value).trim() !== '') params.append(name, String(value).trim());
    });
    return params.toString();
  }

  function setDates(from, to) {
    form.elements.from.value = from || '';
    form.elements.to.value = to || '';
  }

  function apply(push) {
    var qs = currentQuery();
    if (push) history.pushState(null, '', '/tracker' + (qs ? '?' + qs : ''));
    loadList(qs);
    loadEvents(qs);
    loadTimeline(qs);
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    apply(true);
  });
  ['from', 'to'].forEach(function (name) {
    form.elements[name].addEventListener('change', function () {
      if (form.checkValidity()) apply(true);
    });
  });
  window.addEventListener('popstate', function () { location.reload(); });
  var wholeButton = document.getElementById('timeline-whole');
  if (wholeButton) wholeButton.addEventListener('click', function () { setDates('', ''); apply(true); });

  function loadList(qs) {
    fetch('/tracker' + (qs ? '?' + qs : ''), { credentials: 'same-origin' })
      .then(function (r) { return r.text().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        // Our own server-rendered (escaped) HTML, swapped in as parsed nodes.
        var page = new DOMParser().parseFromString(res.body, 'text/html');
        var fresh = page.getElementById('event-list');
        var list = document.getElementById('event-list');
        if (fresh && list) list.replaceWith(document.importNode(fresh, true));
        else if (!res.ok) {
          var msg = page.querySelector('[role=alert]');
          status.textContent = msg ? msg.textContent : 'Those filters could not be used.';
        }
      });
  }

  /* ---- Map ---- */

  var tracker = T.create('map', 'Map of events (the list below has the same events)', [32.5, 40], 5);
  var map = tracker.map;
  var clusters = T.clusters(map, openPanel);

  var firstLoad = true;

  /**
   * The first view: where the bulk of the recent events is, not every event. A few events placed far away (a
   * same-named town abroad, a mis-resolved place) would otherwise pull the view out to the whole world.
   * Recent = the 90 days up to the newest event (unless the dates are filtered); of those, the outer tenth on each
   * side is trimmed, latitude and longitude apart (from five events on), and the view fits what is left.
   */
  function whereTheNewsIs(points, recentOnly) {
    var pts = points;
    if (recentOnly) {
      var newest = points.reduce(function (m, p) { return p.date > m ? p.date : m; }, '');
      var since = iso(parse(newest) - 90 * DAY);
      var recent = points.filter(function (p) { return p.date >= since; });
      if (recent.length >= 5) pts = recent;
    }
    function trimmed(values) {
      values.sort(function (a, b) { return a - b; });
      var cut = values.length >= 5 ? Math.ceil(values.length * 0.1) : 0;
      if (values.length - 2 * cut < 1) cut = 0;
      return [values[cut], values[values.length - 1 - cut]];
    }
    var lats = trimmed(pts.map(function (p) { return p.lat; })), lons = trimmed(pts.map(function (p) { return p.lon; }));
    var pad = 0.25; // a lone town still gets some surroundings
    return L.latLngBounds([lats[0] - pad, lons[0] - pad], [lats[1] + pad, lons[1] + pad]);
  }

  // The view's bounds, written where tests (and curious readers of the DOM) can see them.
  map.on('moveend', function () {
    var b = map.getBounds();
    map.getContainer().setAttribute('data-bounds', [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
      .map(function (n) { return n.toFixed(3); }).join(','));
  });
  function loadEvents(qs) {
    T.points(qs).then(function (res) {
      if (!res.ok) { status.textContent = res.body.error || 'Those filters could not be used.'; return; }
      clusters.clearLayers();
      var markers = T.markers(res.body.events);
      clusters.addLayers(markers);
      status.textContent = T.summary(res.body);
      if (firstLoad && res.body.events.length) {
        var view = whereTheNewsIs(res.body.events, !form.elements.from.value && !form.elements.to.value);
        map.fitBounds(view, { maxZoom: 9, padding: [20, 20] });
      }
      firstLoad = false;
    });
  }

  /* ---- Timeline: events per day, week or month, stacked by type, over the dates chosen; drag to choose dates ---- */

  var timeline = document.getElementById('timeline');
  var H = 150, PAD_X = 34, PAD_B = 22, PAD_T = 16;
  var lastDays = [];

  function iso(t) { return new Date(t).toISOString().slice(0, 10); }
  function parse(d) { return Date.parse(d + 'T00:00:00Z'); }

  /** The bar width the span needs: days up to three months, weeks (from Monday) up to two years, then months. */
  function unitFor(spanDays) {
    if (spanDays <= 92) return { name: 'day', floor: function (t) { return t; }, next: function (t) { return t + DAY; } };
    if (spanDays <= 730) return { name: 'week', floor: function (t) { return t - ((new Date(t).getUTCDay() + 6) % 7) * DAY; },
      next: function (t) { return t + 7 * DAY; } };
    return { name: 'month', floor: function (t) { var d = new Date(t); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1); },
      next: function (t) { var d = new Date(t); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1); } };
  }

  function loadTimeline(qs) {
    fetch('/tracker/data/timeline' + (qs ? '?' + qs : ''), { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : { days: [] }; })
      .then(function (data) { lastDays = data.days; drawTimeline(data.days); });
  }

  var resizeTimer = null;
  window.addEventListener('resize', function () { clearTimeout(resizeTimer); resizeTimer = setTimeout(function () { drawTimeline(lastDays); }, 150); });

  function drawTimeline(days) {
    while (timeline.firstChild) timeline.removeChild(timeline.firstChild);
    var from = form.elements.from.value, to = form.elements.to.value;
    var times = days.map(function (d) { return parse(d.day); });
    // The chart follows the date filter: its range is the chosen dates, else the events' own range.
    var start = from ? parse(from) : (times.length ? Math.min.apply(null, times) : NaN);
    var end = to ? parse(to) : (times.length ? Math.max.apply(null, times) : NaN);
    if (from && !to && times.length) end = Math.max(start, Math.max.apply(null, times));
    if (to && !from && times.length) start = Math.min(end, Math.min.apply(null, times));
    if (isNaN(start) || isNaN(end)) { timeline.appendChild(el('p', 'hint', 'No dated events to chart.')); return; }
    var unit = unitFor((end - start) / DAY);
    document.getElementById('timeline-unit').textContent = unit.name;
    var starts = [];
    for (var t = unit.floor(start); t <= end; t = unit.next(t)) starts.push(t);
    var index = {};
    starts.forEach(function (t, i) { index[t] = i; });
    var bins = starts.length, stacks = starts.map(function () { return {}; }), total = 0;
    days.forEach(function (d) {
      var b = index[unit.floor(parse(d.day))];
      if (b === undefined) return; // outside the chosen dates
      stacks[b][d.eventType] = (stacks[b][d.eventType] || 0) + d.count;
      total += d.count;
    });
    var sums = stacks.map(function (s) { var n = 0; Object.keys(s).forEach(function (k) { n += s[k]; }); return n; });
    var max = Math.max(1, Math.max.apply(null, sums));
    var W = Math.max(300, timeline.clientWidth || 900);
    var bw = (W - PAD_X - 8) / bins, plotH = H - PAD_B - PAD_T;
    var root = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img' });
    var last = starts[bins - 1];
    root.setAttribute('aria-label', total + ' events from ' + T.day(iso(starts[0])) + ' to ' + T.day(iso(Math.min(unit.next(last) - DAY, end))) +
      ', per ' + unit.name + ' by type; the busiest ' + unit.name + ' had ' + max + '. The list of events has the same data.');
    // A scale: the busiest bar's count at the top, a faint line at half.
    [max, Math.round(max / 2)].forEach(function (v, i) {
      if (i === 1 && (v === 0 || v === max)) return;
      var y = H - PAD_B - v / max * plotH;
      root.appendChild(svg('line', { x1: PAD_X - 3, x2: W - 8, y1: y, y2: y, 'class': 'gridline' }));
      var label = svg('text', { x: PAD_X - 6, y: y + 4, 'class': 'axis', 'text-anchor': 'end' });
      label.textContent = v;
      root.appendChild(label);
    });
    stacks.forEach(function (s, i) {
      var y = H - PAD_B;
      var x = PAD_X + i * bw;
      TYPES.concat([OTHER]).forEach(function (key) {
        var n = key === OTHER ? countOthers(s) : (s[key.name] || 0);
        if (!n) return;
        var h = n / max * plotH;
        y -= h;
        var rect = svg('rect', { x: x + 0.5, y: y, width: Math.max(1, bw - 1), height: h,
          'class': 'bar type-' + key.css, 'data-day': iso(starts[i]) });
        var title = svg('title');
        title.textContent = (unit.name === 'day' ? '' : (unit.name === 'week' ? 'Week of ' : 'Month of ')) + T.day(iso(starts[i])) + ': ' + n + ' ' + key.name;
        rect.appendChild(title);
        root.appendChild(rect);
      });
      // The count over each bar, where there is room to read it.
      if (sums[i] && bw >= 16) {
        var c = svg('text', { x: x + bw / 2, y: y - 3, 'class': 'axis bar-count', 'text-anchor': 'middle' });
        c.textContent = sums[i];
        root.appendChild(c);
      }
    });
    var first = svg('text', { x: PAD_X, y: H - 6, 'class': 'axis axis-from' });
    first.textContent = T.day(iso(starts[0]));
    var lastLabel = svg('text', { x: W - 8, y: H - 6, 'class': 'axis axis-to', 'text-anchor': 'end' });
    lastLabel.textContent = T.day(iso(Math.min(unit.next(last) - DAY, end)));
    root.appendChild(first);
    root.appendChild(lastLabel);
    var brush = svg('rect', { 'class': 'brush', y: PAD_T - 4, height: plotH + 4, x: 0, width: 0, visibility: 'hidden' });
    root.appendChild(brush);
    timeline.appendChild(root);
    var whole = document.getElementById('timeline-whole');
    if (whole) whole.hidden = !(from || to);

    function binAt(clientX) {
      var box = root.getBoundingClientRect();
      var x = (clientX - box.left) / box.width * W;
      return Math.max(0, Math.min(bins - 1, Math.floor((x - PAD_X) / bw)));
    }
    function show(a, b) {
      var lo = Math.min(a, b), hi = Math.max(a, b);
      brush.setAttribute('x', PAD_X + lo * bw);
      brush.setAttribute('width', (hi - lo + 1) * bw);
      brush.setAttribute('visibility', 'visible');
    }
    var anchor = null;
    root.addEventListener('pointerdown', function (e) {
      anchor = binAt(e.clientX);
      root.setPointerCapture(e.pointerId);
      show(anchor, anchor);
    });
    root.addEventListener('pointermove', function (e) {
      if (anchor !== null) show(anchor, binAt(e.clientX));
    });
    root.addEventListener('pointerup', function (e) {
      if (anchor === null) return;
      var other = binAt(e.clientX), lo = Math.min(anchor, other), hi = Math.max(anchor, other);
      anchor = null;
      var lastDay = Math.min(unit.next(starts[hi]) - DAY, end);
      setDates(iso(Math.max(starts[lo], start)), iso(lastDay));
      apply(true);
    });
  }

  function countOthers(stack) {
    var n = 0;
    Object.keys(stack).forEach(function (k) { if (keyOf(k) === OTHER) n += stack[k]; });
    return n;
  }

  /* ---- Event panel ---- */

  var panel = document.getElementById('event-panel');
  var opener = null;

  function fill(id, value) {
    var dd = document.getElementById(id);
    while (dd.firstChild) dd.removeChild(dd.firstChild);
    if (typeof value === 'string' || value === null || value === undefined) dd.textContent = value || '—';
    else dd.appendChild(value);
  }

  function link(href, text) {
    var a = el('a', null, text);
    a.href = href;
    return a;
  }

  function openPanel(id, from) {
    opener = from || document.activeElement;
    fetch('/tracker/data/events/' + encodeURIComponent(id), { credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) throw new Error('event ' + id + ' not found'); return r.json(); })
      .then(function (e) {
        var key = keyOf(e.type);
        var b = document.getElementById('panel-badge');
        b.className = 'type-badge type-' + key.css;
        b.textContent = key.letter;
        document.getElementById('panel-type').textContent = e.type;
        fill('panel-subtype', e.subType);
        var actors = document.createDocumentFragment();
        [e.actor1, e.actor2].filter(Boolean).forEach(function (a, i) {
          if (i) actors.appendChild(document.createTextNode('; '));
          actors.appendChild(link(T.actorUrl(a), a));
        });
        fill('panel-actors', actors.childNodes.length ? actors : null);
        var place = document.createDocumentFragment();
        if (e.place && e.gazetteerId) place.appendChild(link('/tracker/places/' + encodeURIComponent(e.gazetteerId), e.place));
        else place.appendChild(document.createTextNode(e.place || 'Not placed'));
        var where = [e.admin1, e.country].filter(Boolean).join(', ');
        if (where) place.appendChild(document.createTextNode(', ' + where));
        if (e.precision) place.appendChild(document.createTextNode(' (precision: ' + e.precision + ')'));
        fill('panel-place', place);
        var date = T.day(e.dateEarliest) + (e.dateLatest && e.dateLatest !== e.dateEarliest ? ' to ' + T.day(e.dateLatest) : '');
        if (e.dateText) date += ' (“' + e.dateText + '”)';
        fill('panel-date', date);
        fill('panel-deaths', e.deaths + (e.deathsWords ? ' (“' + e.deathsWords + '”)' : ''));
        fill('panel-confidence', Number(e.confidence).toFixed(2));
        fill('panel-state', T.stateLabel(e.reviewState));
        var source = document.createDocumentFragment();
        source.appendChild(e.sourceUrl ? link(e.sourceUrl, e.sourceTitle || e.sourceUrl) : el('span', null, e.sourceTitle));
        if (e.sourceUrl) source.lastChild.rel = 'noopener noreferrer';
        source.appendChild(document.createTextNode(' (' + [e.sourceName, e.publishedOn && T.day(e.publishedOn)].filter(Boolean).join(', ') + ')'));
        fill('panel-source', source);
        var review = document.getElementById('panel-review'); // only in staff pages, and only staff get a reviewUrl
        if (review && e.reviewUrl) review.href = e.reviewUrl;
        if (review) review.hidden = !e.reviewUrl;
        document.getElementById('panel-page').href = e.pageUrl;
        var article = document.getElementById('panel-article');
        while (article.firstChild) article.removeChild(article.firstChild);
        article.appendChild(document.createTextNode(e.evidence.before));
        var mark = el('mark', 'evidence', e.evidence.evidence);
        if (e.evidence.found) article.appendChild(mark);
        article.appendChild(document.createTextNode(e.evidence.after));
        document.getElementById('panel-evidence-missing').hidden = e.evidence.found;
        document.getElementById('panel-sentence').textContent = e.evidence.found ? '' : (e.evidenceSentence || '');
        panel.hidden = false;
        article.scrollTop = Math.max(0, mark.offsetTop - article.offsetTop - 40);
        document.getElementById('panel-title').focus();
      })
      .catch(function (err) { status.textContent = String(err.message); });
  }

  function closePanel() {
    if (panel.hidden) return;
    panel.hidden = true;
    var back = opener && document.body.contains(opener) ? opener : document.getElementById('list-heading');
    if (back && back.id === 'list-heading') back.setAttribute('tabindex', '-1');
    if (back) back.focus();
  }

  document.getElementById('panel-close').addEventListener('click', closePanel);
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && !panel.hidden) {
      e.preventDefault();
      closePanel();
    }
  });
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a.event-link');
    if (!a || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    openPanel(a.getAttribute('data-event-id'), a);
  });

  var initial = currentQuery();
  tracker.ready.catch(function () {
    status.textContent = 'The country boundaries could not be loaded; events are shown without them.';
  }).then(function () { loadEvents(initial); });
  loadTimeline(initial);
})();
