// The masthead's reader menu folds behind a button on narrow screens. Without this script the
// button stays hidden and the links stay in view, so the page works without it (and the CSP's
// script-src 'self' allows only files like this one, never inline script).
// A form marked data-confirm="question" (revoking a key, removing a source, cancelling) asks first.
document.addEventListener('submit', function (e) {
  var question = e.target.getAttribute && e.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) e.preventDefault();
});

(function () {
  var button = document.getElementById('reader-menu-toggle');
  var menu = document.getElementById('reader-menu');
  if (!button || !menu) return;
  var narrow = window.matchMedia('(max-width: 40em)');
  function fold(folded) {
    button.setAttribute('aria-expanded', folded ? 'false' : 'true');
    menu.classList.toggle('folded', folded);
  }
  function fit() {
    button.hidden = !narrow.matches;
    fold(narrow.matches);
  }
  button.addEventListener('click', function () {
    fold(button.getAttribute('aria-expanded') === 'true');
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && narrow.matches && button.getAttribute('aria-expanded') === 'true') {
      fold(true);
      button.focus();
    }
  });
  if (narrow.addEventListener) narrow.addEventListener('change', fit);
  fit();
})();
