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
  function loadEvents(qs) {
    T.points(qs).then(function (res) {
      if (!res.ok) { status.textContent = res.body.error || 'Those filters could not be used.'; return; }
      clusters.clearLayers();
      var markers = T.markers(res.body.events);
      clusters.addLayers(markers);
      status.textContent = T.summary(res.body);
      if (firstLoad && markers.length) map.fitBounds(clusters.getBounds(), { maxZoom: 8, padding: [30, 30] });
      firstLoad = false;
    });
  }

  /* ---- Timeline: events per day or week, stacked by type; drag to choose dates ---- */

  var timeline = document.getElementById('timeline');
  var W = 1000, H = 140, PAD_X = 10, PAD_B = 22;

  function iso(t) { return new Date(t).toISOString().slice(0, 10); }
  function parse(d) { return Date.parse(d + 'T00:00:00Z'); }
  function weekStart(t) { var day = (new Date(t).getUTCDay() + 6) % 7; return t - day * DAY; }

  function loadTimeline(qs) {
    fetch('/tracker/data/timeline' + (qs ? '?' + qs : ''), { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : { days: [] }; })
      .then(function (data) { drawTimeline(data.days); });
  }

  function drawTimeline(days) {
    while (timeline.firstChild) timeline.removeChild(timeline.firstChild);
    var from = form.elements.from.value, to = form.elements.to.value;
    var times = days.map(function (d) { return parse(d.day); });
    if (from) times.push(parse(from));
    if (to) times.push(parse(to));
    if (!times.length) { timeline.appendChild(el('p', 'hint', 'No dated events to chart.')); return; }
    var start = Math.min.apply(null, times), end = Math.max.apply(null, times);
    var weekly = (end - start) / DAY > 120;
    document.getElementById('timeline-unit').textContent = weekly ? 'week' : 'day';
    var binOf = weekly ? weekStart : function (t) { return t; };
    var step = weekly ? 7 * DAY : DAY;
    start = binOf(start);
    var bins = Math.floor((binOf(end) - start) / step) + 1;
    var stacks = [];
    for (var i = 0; i < bins; i++) stacks.push({});
    var total = 0;
    days.forEach(function (d) {
      var b = Math.floor((binOf(parse(d.day)) - start) / step);
      stacks[b][d.eventType] = (stacks[b][d.eventType] || 0) + d.count;
      total += d.count;
    });
    var max = 1;
    stacks.forEach(function (s) {
      var sum = 0; Object.keys(s).forEach(function (k) { sum += s[k]; }); max = Math.max(max, sum);
    });
    var bw = (W - 2 * PAD_X) / bins, plotH = H - PAD_B - 6;
    var root = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, preserveAspectRatio: 'none', role: 'img' });
    root.setAttribute('aria-label', total + ' events from ' + iso(start) + ' to ' + iso(start + (bins - 1) * step) +
      ', per ' + (weekly ? 'week' : 'day') + ' by type. The list of events has the same data.');
    stacks.forEach(function (s, i) {
      var y = H - PAD_B;
      TYPES.concat([OTHER]).forEach(function (key) {
        var n = key === OTHER ? countOthers(s) : (s[key.name] || 0);
        if (!n) return;
        var h = n / max * plotH;
        y -= h;
        var rect = svg('rect', { x: PAD_X + i * bw + 0.5, y: y, width: Math.max(1, bw - 1), height: h,
          'class': 'bar type-' + key.css, 'data-day': iso(start + i * step) });
        var title = svg('title');
        title.textContent = (weekly ? 'Week of ' : '') + iso(start + i * step) + ': ' + n + ' ' + key.name;
        rect.appendChild(title);
        root.appendChild(rect);
      });
    });
    var first = svg('text', { x: PAD_X, y: H - 6, 'class': 'axis' });
    first.textContent = iso(start);
    var last = svg('text', { x: W - PAD_X, y: H - 6, 'class': 'axis', 'text-anchor': 'end' });
    last.textContent = iso(start + (bins - 1) * step);
    root.appendChild(first);
    root.appendChild(last);
    var brush = svg('rect', { 'class': 'brush', y: 2, height: H - PAD_B - 2, x: 0, width: 0, visibility: 'hidden' });
    root.appendChild(brush);
    timeline.appendChild(root);

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
    if (from || to) {
      var a = from ? Math.floor((binOf(parse(from)) - start) / step) : 0;
      var b = to ? Math.floor((binOf(parse(to)) - start) / step) : bins - 1;
      show(a, b);
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
      var last = Math.min(start + hi * step + step - DAY, end);
      setDates(iso(start + lo * step), iso(last));
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
        var date = e.dateEarliest + (e.dateLatest && e.dateLatest !== e.dateEarliest ? ' to ' + e.dateLatest : '');
        if (e.dateText) date += ' (“' + e.dateText + '”)';
        fill('panel-date', date);
        fill('panel-confidence', Number(e.confidence).toFixed(2));
        fill('panel-state', e.reviewState);
        var source = document.createDocumentFragment();
        source.appendChild(e.sourceUrl ? link(e.sourceUrl, e.sourceTitle || e.sourceUrl) : el('span', null, e.sourceTitle));
        if (e.sourceUrl) source.lastChild.rel = 'noopener noreferrer';
        source.appendChild(document.createTextNode(' (' + [e.sourceName, e.publishedOn].filter(Boolean).join(', ') + ')'));
        fill('panel-source', source);
        document.getElementById('panel-review').href = e.reviewUrl;
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
