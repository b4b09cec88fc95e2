/*
 * The auditors' pages: a case found by id (or by identity number, sent in a POST body), its history
 * as a timeline, its state at a past instant, its chain verified and exported; the daily digest and
 * its verification; the access log reviewed with filters, paging and CSV. Everything is read through
 * the audit API with the page's session, so every read is access-logged exactly as the API logs it.
 */
(function () {
  'use strict';
  const i18n = window.TidigtI18n;
  const C = window.TidigtCharts;
  const t = i18n.t;
  const $ = id => document.getElementById(id);
  const HISTORY_PAGE = 50;
  const ACCESS_PAGE = 20;
  const state = { districts: [], session: null, caseId: null, historyPage: 0, accessPage: 0, accessFilter: {} };

  async function call(path, options) {
    const response = await fetch(path, Object.assign({ credentials: 'same-origin', headers: { Accept: 'application/json' } }, options || {}));
    if (response.status === 401) {
      window.location.assign('/login');
      throw new Error(t('signedOutNote'));
    }
    if (!response.ok) {
      const error = new Error(response.status === 404 ? t('notFoundCase') : response.status === 400 ? t('badInput') : t('failed') + response.status);
      error.status = response.status;
      throw error;
    }
    return response;
  }

  const json = async (path, options) => (await call(path, options)).json();

  function status(text) {
    $('status').textContent = text || '';
  }

  function casePath(suffix) {
    return '/api/v1/audit/cases/' + encodeURIComponent(state.caseId) + suffix;
  }

  /** 'ConcernRaised' → its name in the reader's language (a known event), else its words spaced out. */
  function eventName(type) {
    const key = 'ev' + type;
    const name = t(key);
    return name !== key ? name : type.replace(/([a-z])([A-Z])/g, '$1 $2');
  }

  function districtName(code) {
    return (state.districts.find(d => d.code === code) || { name: code }).name;
  }

  function roleName(role) {
    return role ? t('role' + role) : '–';
  }

  function when(instant) {
    return instant ? new Intl.DateTimeFormat(i18n.lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium',
      timeZone: 'Europe/Stockholm' }).format(new Date(instant)) : '–';
  }

  // ------------------------------------------------------------ finding a case

  async function openCase(caseId) {
    state.caseId = caseId.trim();
    state.historyPage = 0;
    $('verify-result').textContent = '';
    $('state-result').innerHTML = '';
    await loadHistory();
  }

  async function findByIdentityNumber(pin) {
    const list = $('pin-results');
    list.innerHTML = '';
    const found = await json('/api/v1/audit/cases/search', {
      method: 'POST', body: JSON.stringify({ personalIdentityNumber: pin }),
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', [state.session.csrfHeader]: state.session.csrfToken }
    });
    const cases = found.cases || [];
    if (!cases.length) {
      list.appendChild(C.element('li', { text: t('noCasesForPin') }));
      return;
    }
    cases.forEach(c => {
      const district = (state.districts.find(d => d.code === c.district) || { name: c.district }).name;
      const button = C.element('button', { type: 'button', class: 'link', text: c.caseId + ' – ' + district + ', ' + i18n.date(c.receivedAt) + ', ' + t(c.status) });
      button.addEventListener('click', () => openCase(c.caseId).catch(e => status(e.message)));
      list.appendChild(C.element('li', {}, [button]));
    });
  }

  // ------------------------------------------------------------ history

  async function loadHistory() {
    status(t('loading'));
    const page = await json(casePath('/history?size=' + HISTORY_PAGE + '&page=' + state.historyPage));
    $('case').hidden = false;
    $('verify-title').textContent = t('caseTitle') + ' ' + page.caseId;
    $('chain-start').textContent = page.chain && page.chain.chainedAfterTheFact
      ? t('chainedAfter') + ' ' + when(page.chain.startedAt) + '.' : '';
    const list = $('timeline');
    list.innerHTML = '';
    page.events.forEach(e => list.appendChild(timelineEntry(e)));
    pager($('history-pager'), page.page, page.size, page.total, next => { state.historyPage = next; loadHistory().catch(err => status(err.message)); });
    status(t('historyLoaded').replace('{n}', i18n.number(page.total, 0)));
  }

  function timelineEntry(e) {
    const facts = C.element('dl', { class: 'facts' }, [
      ['sequence', String(e.sequence)], ['actor', (e.actor && e.actor.user || '–') + ' (' + roleName(e.actor && e.actor.role) + ')'],
      ['occurredAt', when(e.occurredAt)], ['recordedAt', when(e.recordedAt)]
    ].flatMap(([k, v]) => [C.element('dt', { text: t(k) }), C.element('dd', { text: v })]));
    const texts = Object.entries(e.openedText || {}).map(([field, text]) => C.element('p', { class: text === '(erased)' ? 'erased' : 'free-text' },
      [C.element('span', { class: 'kpi-label', text: t('freeText') + ' (' + field + ')' }),
        document.createTextNode(text === '(erased)' ? t('erased') : text)]));
    return C.element('li', { class: 'event', 'data-sequence': String(e.sequence) },
      [C.element('h3', { text: e.sequence + '. ' + eventName(e.type) }), facts].concat(texts));
  }

  function pager(nav, page, size, total, go) {
    nav.innerHTML = '';
    const pages = Math.max(1, Math.ceil(total / size));
    const previous = C.element('button', { type: 'button', class: 'previous', text: t('previous') });
    const next = C.element('button', { type: 'button', class: 'next', text: t('next') });
    previous.disabled = page <= 0;
    next.disabled = page + 1 >= pages;
    previous.addEventListener('click', () => go(page - 1));
    next.addEventListener('click', () => go(page + 1));
    nav.append(previous, C.element('span', { text: t('page') + ' ' + (page + 1) + ' / ' + pages + ' (' + i18n.number(total, 0) + ')' }), next);
  }

  // ------------------------------------------------------------ verify, export, state

  async function verifyCase() {
    const v = await json(casePath('/verify'));
    const result = $('verify-result');
    result.className = v.intact ? 'intact' : 'broken';
    result.textContent = v.intact
      ? t('intact').replace('{n}', i18n.number(v.events, 0))
      : t('broken').replace('{seq}', String(v.firstBrokenSequence)) + ' ' + t('why') + ' ' + (v.reason || '–');
  }

  async function exportCase() {
    const response = await call(casePath('/export'));
    const blob = await response.blob();
    save(blob, 'case-' + state.caseId + '-export.json');
    status(t('exported'));
  }

  function save(blob, name) {
    const link = C.element('a', { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  async function showState() {
    const local = $('state-at').value;
    const basis = $('state-basis').value;
    const instant = new Date(local).toISOString();
    const s = await json(casePath('/state?' + basis + '=' + encodeURIComponent(instant)));
    const out = $('state-result');
    out.innerHTML = '';
    out.appendChild(C.element('p', { class: 'note', text: t(basis === 'asOf' ? 'stateAsOf' : 'stateValidAt') + ' ' + when(s.instant) + ': '
      + (s.existed ? t('eventsApplied').replace('{n}', i18n.number(s.eventsApplied, 0)) : t('notYet')) }));
    if (s.differences && s.differences.length) {
      out.appendChild(C.element('p', { class: 'warning', text: t('differences') + ' ' + s.differences.join(', ') }));
    }
    if (s.state) {
      out.appendChild(C.element('dl', { class: 'facts', id: 'state-facts' }, Object.entries(s.state)
        .filter(([, v]) => v !== null && typeof v !== 'object')
        .flatMap(([k, v]) => [C.element('dt', { text: t('field' + k) !== 'field' + k ? t('field' + k) : k.replace(/([a-z])([A-Z])/g, '$1 $2') }),
          C.element('dd', { text: typeof v === 'string' && /^[A-Z_]+$/.test(v) ? t(v)
          : typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) ? when(v) : k === 'district' ? districtName(v) : String(v) })])));
    }
  }

  // ------------------------------------------------------------ digests

  async function showDigest() {
    const date = $('digest-date').value;
    const out = $('digest-result');
    out.innerHTML = '';
    let digest;
    try {
      digest = await json('/api/v1/audit/digests/' + date);
    } catch (e) {
      if (e.status !== 400) {
        throw e;
      }
      // A day before the store existed has no digest: say so rather than fail.
      out.append(C.element('p', { id: 'digest-verdict', class: 'none', text: t('digestNotLived') }));
      return;
    }
    const check = await json('/api/v1/audit/digests/' + date + '/verify');
    out.append(
      C.element('p', { text: t('digestOf') + ' ' + i18n.date(date) + ': ' + i18n.number(digest.cases, 0) + ' ' + t('casesLower') + ', ' + t('computedAt') + ' ' + when(digest.computedAt) + '.' }),
      C.element('p', { class: 'hash', text: digest.digest }),
      C.element('p', { id: 'digest-verdict', class: check.intact ? 'intact' : 'broken',
        text: check.intact ? t('digestIntact') : t('digestBroken').replace('{a}', i18n.number(check.storedCases, 0)).replace('{b}', i18n.number(check.recomputedCases, 0)) }));
  }

  // ------------------------------------------------------------ access log

  function accessQuery() {
    const f = state.accessFilter;
    const params = new URLSearchParams();
    if (f.user) { params.set('user', f.user); }
    if (f.caseId) { params.set('caseId', f.caseId); }
    if (f.from) { params.set('from', f.from); }
    if (f.to) {
      // The API's end is exclusive; the form's day is included.
      const d = new Date(f.to + 'T00:00:00Z');
      d.setUTCDate(d.getUTCDate() + 1);
      params.set('to', d.toISOString().slice(0, 10));
    }
    return params;
  }

  async function loadAccessLog() {
    const params = accessQuery();
    params.set('page', String(state.accessPage));
    params.set('size', String(ACCESS_PAGE));
    const page = await json('/api/v1/audit/access-log?' + params);
    const body = document.querySelector('#access-table tbody');
    body.innerHTML = '';
    page.entries.forEach(e => body.appendChild(C.element('tr', {}, [
      C.element('th', { scope: 'row', text: when(e.readAt) }), C.element('td', { text: e.user }), C.element('td', { text: roleName(e.role) }),
      C.element('td', { text: decodeURIComponent(e.path || e.endpoint) }), C.element('td', { text: (e.caseIds || []).join(' ') })])));
    if (!page.entries.length) {
      body.appendChild(C.element('tr', {}, [C.element('td', { colspan: '5', text: t('noRows') })]));
    }
    pager($('access-pager'), page.page, page.size, page.total, next => { state.accessPage = next; loadAccessLog().catch(err => status(err.message)); });
  }

  async function accessCsv() {
    const params = accessQuery();
    params.set('size', '500');
    const response = await call('/api/v1/audit/access-log?' + params, { headers: { Accept: 'text/csv' } });
    save(await response.blob(), 'access-log.csv');
  }

  async function verifyAccessLog() {
    const v = await json('/api/v1/audit/access-log/verify');
    const out = $('access-verify-result');
    out.className = v.intact ? 'intact' : 'broken';
    out.textContent = v.intact ? t('logIntact').replace('{n}', i18n.number(v.entries, 0))
      : t('logBroken').replace('{pos}', String(v.firstBrokenPosition)) + ' ' + t('why') + ' ' + (v.reason || '–');
  }

  // ------------------------------------------------------------ start

  function on(id, event, action) {
    $(id).addEventListener(event, e => {
      e.preventDefault();
      status('');
      action().catch(err => status(err.message));
    });
  }

  async function start() {
    i18n.apply(document);
    $('lang').addEventListener('click', () => { i18n.toggle(); if (state.caseId) { loadHistory().catch(e => status(e.message)); } loadAccessLog().catch(e => status(e.message)); });
    state.session = await json('/dashboard/session');
    $('user').textContent = t('signedInAs') + ' ' + state.session.user;
    state.districts = await json('/api/v1/districts');
    $('logout-csrf').name = state.session.csrfParameter;
    $('logout-csrf').value = state.session.csrfToken;
    const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
    $('digest-date').value = yesterday;
    $('digest-date').max = yesterday;
    on('by-id', 'submit', () => openCase($('case-id').value));
    on('by-pin', 'submit', () => findByIdentityNumber($('pin').value.trim()));
    on('verify-case', 'click', verifyCase);
    on('export-case', 'click', exportCase);
    on('state-form', 'submit', showState);
    on('digest-form', 'submit', showDigest);
    on('access-form', 'submit', () => {
      state.accessPage = 0;
      state.accessFilter = { user: $('access-user').value.trim(), caseId: $('access-case').value.trim(), from: $('access-from').value, to: $('access-to').value };
      return loadAccessLog();
    });
    on('access-csv', 'click', accessCsv);
    on('access-verify', 'click', verifyAccessLog);
    const asked = new URLSearchParams(window.location.search).get('case');
    if (asked) {
      $('case-id').value = asked;
      await openCase(asked);
    }
    await loadAccessLog();
    document.body.dataset.ready = 'true';
  }

  document.addEventListener('DOMContentLoaded', () => {
    start().catch(e => status(t('failed') + e.message));
  });
})();
