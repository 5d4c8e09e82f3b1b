// The piece editor's helpers: autosave to the server, live preview of the body, and the photo
// picker (upload in place, insert a photo in the body). The form is a plain HTML form that works
// without any of this; the script only adds to it. No inline script: the CSP allows 'self' only.
(function () {
  'use strict';
  var form = document.getElementById('piece-form');
  if (!form || !window.fetch || !window.URLSearchParams) return;

  var statusEl = document.getElementById('autosave-status');
  var body = document.getElementById('body');
  var csrfInput = form.querySelector('input[name="_csrf"]');
  var autosaveUrl = form.getAttribute('data-autosave');
  var previewUrl = form.getAttribute('data-preview');
  var submitting = false;

  function serialize() { return new URLSearchParams(new FormData(form)).toString(); }

  function show(el, text, problem) {
    el.textContent = text;
    el.classList.toggle('problem', !!problem);
  }

  // What the server answered, as JSON when it can be read; a sign-in page after an expired session is not.
  function answer(response) {
    if (response.redirected) return Promise.resolve({ ok: false, json: { error: 'You are signed out: sign in again in another tab, then keep typing.' } });
    return response.json().then(function (json) { return { ok: response.ok, json: json }; },
      function () { return { ok: false, json: { error: 'The server did not answer as expected (HTTP ' + response.status + ').' } }; });
  }

  // --- autosave: a few seconds after typing stops, and when the tab is hidden or closed ------------
  var lastSent = serialize();
  var timer = null;

  function autosave() {
    timer = null;
    var data = serialize();
    if (data === lastSent) return;
    show(statusEl, 'Saving draft…');
    fetch(autosaveUrl, { method: 'POST', body: new URLSearchParams(data), credentials: 'same-origin',
                         headers: { 'Accept': 'application/json' } })
      .then(answer)
      .then(function (result) {
        if (!result.ok) { show(statusEl, result.json.error || 'The draft could not be kept.', true); return; }
        lastSent = data;
        if (result.json.newer) show(statusEl, 'Draft saved ' + result.json.saved + '. ' + result.json.newer, true);
        else show(statusEl, 'Draft saved ' + result.json.saved);
      })
      .catch(function () {
        show(statusEl, 'Not connected: your latest typing is not kept yet. It will be once the connection is back.', true);
        schedule(10000);
      });
  }

  function schedule(delay) {
    if (submitting) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(autosave, delay);
  }

  // Leaving the page (closing the tab, following a link, the phone switching apps): one last
  // autosave that the browser delivers even as the page goes away.
  function flush() {
    if (submitting || !navigator.sendBeacon) return;
    var data = serialize();
    if (data === lastSent) return;
    if (navigator.sendBeacon(autosaveUrl, new URLSearchParams(data))) lastSent = data;
  }

  form.addEventListener('input', function () { schedule(2000); });
  form.addEventListener('change', function () { schedule(2000); });
  form.addEventListener('submit', function () { submitting = true; if (timer) clearTimeout(timer); });
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') flush(); });
  window.addEventListener('pagehide', flush);

  // --- live preview, rendered by the server's own renderer -----------------------------------------
  var pane = document.getElementById('preview-pane');
  var out = document.getElementById('body-preview');
  var previewTimer = null;
  var previewed = null;

  function preview() {
    previewTimer = null;
    var text = body.value;
    if (text === previewed) return;
    var params = new URLSearchParams();
    params.set('body', text);
    if (csrfInput) params.set('_csrf', csrfInput.value);
    fetch(previewUrl, { method: 'POST', body: params, credentials: 'same-origin' })
      .then(function (r) { return r.ok && !r.redirected ? r.text() : Promise.reject(r); })
      .then(function (html) {
        previewed = text;
        // The server's safelist has already cleaned this HTML, as it does for the published page.
        if (text === body.value) out.innerHTML = html;
      })
      .catch(function () { out.textContent = 'The preview is not available right now; your text is unaffected.'; });
  }

  if (pane && out && body) {
    pane.hidden = false;
    form.classList.add('with-preview');
    body.addEventListener('input', function () {
      if (previewTimer) clearTimeout(previewTimer);
      previewTimer = setTimeout(preview, 400);
    });
    preview();
  }

  // --- photos: insert in the body, upload without leaving the piece --------------------------------
  function insertInBody(text) {
    var start = body.selectionStart, end = body.selectionEnd, value = body.value;
    var before = value.slice(0, start), after = value.slice(end);
    var pre = before === '' || /\n\n$/.test(before) ? '' : (/\n$/.test(before) ? '\n' : '\n\n');
    var post = after === '' || /^\n\n/.test(after) ? '' : (/^\n/.test(after) ? '\n' : '\n\n');
    body.value = before + pre + text + post + after;
    var caret = (before + pre + text).length;
    body.focus();
    body.setSelectionRange(caret, caret);
    body.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function wireInsert(button) {
    button.hidden = false;
    button.addEventListener('click', function () { insertInBody('[[photo:' + button.getAttribute('data-photo') + ']]'); });
  }
  Array.prototype.forEach.call(document.querySelectorAll('.insert-photo'), wireInsert);

  var grid = document.getElementById('photo-grid');
  var upload = document.getElementById('photo-upload');
  var uploadStatus = document.getElementById('upload-status');
  var picker = document.getElementById('photo-picker');
  var fileInput = document.getElementById('picker-file');

  function tile(photo) {
    var li = document.createElement('li');
    li.className = 'photo-tile';
    li.setAttribute('data-photo', photo.id);
    var radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = 'leadPhotoId';
    radio.id = 'leadPhotoId-' + photo.id;
    radio.value = String(photo.id);
    var label = document.createElement('label');
    label.htmlFor = radio.id;
    var img = document.createElement('img');
    img.src = photo.thumbnail;
    img.alt = '';
    img.width = 160;
    img.height = 107;
    var caption = document.createElement('span');
    caption.className = 'photo-caption';
    caption.textContent = '#' + photo.id + ' ' + (photo.caption || '(no caption)');
    label.appendChild(img);
    label.appendChild(caption);
    if (photo.credit) {
      var credit = document.createElement('span');
      credit.className = 'photo-credit';
      credit.textContent = photo.credit;
      label.appendChild(credit);
    }
    var insert = document.createElement('button');
    insert.type = 'button';
    insert.className = 'secondary insert-photo';
    insert.setAttribute('data-photo', photo.id);
    insert.textContent = 'Insert #' + photo.id + ' in body';
    li.appendChild(radio);
    li.appendChild(label);
    li.appendChild(insert);
    wireInsert(insert);
    return li;
  }

  if (upload && grid && fileInput) {
    upload.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!fileInput.files.length) { show(uploadStatus, 'Choose a JPEG or PNG file first.', true); return; }
      var maxMb = Number(picker.getAttribute('data-max-mb')) || 0;
      if (maxMb && fileInput.files[0].size > maxMb * 1024 * 1024) {
        show(uploadStatus, 'The file is too large: the limit is ' + maxMb + ' MB.', true);
        return;
      }
      show(uploadStatus, 'Uploading…');
      fetch(upload.getAttribute('data-picker'), { method: 'POST', body: new FormData(upload), credentials: 'same-origin',
                                                  headers: { 'Accept': 'application/json' } })
        .then(function (r) {
          if (r.status === 413) return { ok: false, json: { error: 'The file is too large: the limit is ' + maxMb + ' MB.' } };
          return answer(r);
        })
        .then(function (result) {
          if (!result.ok) { show(uploadStatus, result.json.error || 'The upload was refused.', true); return; }
          var li = tile(result.json);
          var none = grid.querySelector('.photo-tile.none');
          grid.insertBefore(li, none ? none.nextSibling : grid.firstChild);
          var radio = li.querySelector('input[type=radio]');
          radio.checked = true;
          radio.dispatchEvent(new Event('change', { bubbles: true }));
          fileInput.value = '';
          show(uploadStatus, 'Uploaded as photo #' + result.json.id + ' and chosen as the lead photo. '
            + 'Check its caption and credit on the Photos page.');
        })
        .catch(function () { show(uploadStatus, 'The upload did not get through. Please try again.', true); });
    });
  }
})();
