/* The sign-in page: language, and the notes for a failed sign-in or a sign-out. */
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', () => {
    const i18n = window.TidigtI18n;
    i18n.apply(document);
    document.getElementById('lang').addEventListener('click', () => i18n.toggle());
    const params = new URLSearchParams(window.location.search);
    document.querySelectorAll('[data-show]').forEach(el => { el.hidden = !params.has(el.dataset.show); });
  });
})();
