// Forms with data-confirm ask before an action that cannot be taken back (send, cancel, delete). Without
// script the server shows a confirmation page instead; with it the browser asks here and the form says
// confirmed=yes. A static file, as the site's Content-Security-Policy allows no inline script.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!form.matches || !form.matches('form[data-confirm]')) return;
  if (!window.confirm(form.getAttribute('data-confirm'))) {
    event.preventDefault();
    return;
  }
  var field = form.querySelector('input[name="confirmed"]');
  if (field) field.value = 'yes';
});
