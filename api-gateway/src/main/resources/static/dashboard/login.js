/* The sign-in page: language, and the notes for a failed sign-in or a sign-out. */
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', () => {
    const i18n = window.TidigtI18n;
    i18n.apply(document);
    document.getElementById('lang').addEventListener('click', () => i18n.toggle());
    const params = new URLSearchParams(window.location.search);
    document.querySelectorAll('[data-show]').forEach(el => { el.hidden = !params.has(el.dataset.show); });
    // A paused user name: say so and for how long, in the page's language (kept when it is switched).
    const seconds = Number.parseInt(params.get('paused'), 10);
    const paused = document.getElementById('sign-in-paused');
    if (paused && Number.isFinite(seconds) && seconds > 0) {
      const fill = () => { paused.textContent = i18n.t('signInPaused').replace('{seconds}', String(seconds)); };
      fill();
      document.getElementById('lang').addEventListener('click', fill);
    }
  });
})();
