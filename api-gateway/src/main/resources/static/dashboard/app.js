/*
 * The dashboard: the city view for analysts and admins, the district view for district users.
 * Reads only the public API (/api/v1, with the session of the sign-in page), so what it shows is
 * what the API discloses to that user; suppressed cells stay suppressed.
 */
(function () {
  'use strict';
  const i18n = window.TidigtI18n;
  const C = window.TidigtCharts;
  const t = i18n.t;
  const CONCERNS = ['SUBSTANCE_USE_RISK', 'CRIME_RISK', 'VIOLENCE', 'NEGLECT', 'MENTAL_HEALTH', 'SCHOOL_ABSENCE', 'OTHER'];
  const TARGET_GROUP = 'SUBSTANCE_USE_RISK,CRIME_RISK';
  const MODELS = ['ORDINARY', 'VALLINGBY_TEAM'];
  const STAGES = ['concerns', 'protectionAssessments', 'initialAssessments', 'investigationsOpened', 'investigationsConcluded',
    'offers', 'accepted', 'declined', 'interventionsStarted', 'interventionsEnded', 'casesClosed'];
  const TIMELINE_KINDS = ['ADOPTED', 'SUSPENDED', 'REINSTATED', 'FUNDING', 'STAFFING', 'PLANNED_ADOPTION'];
  const SYMBOLS = { ADOPTED: 'circle', SUSPENDED: 'rect', REINSTATED: 'triangle', FUNDING: 'diamond', STAFFING: 'pin', PLANNED_ADOPTION: 'emptyCircle' };
  /**
   * The timeline's lines within a district's row: staffing, changes of model (never two on one day), the
   * plan and funding, which often fall on the adoption's day; a marker is smaller than its line. Staffing's
   * pin stands above its point, so it takes the top line, where the row's margin leaves it room.
   */
  const LANES = { STAFFING: 0, ADOPTED: 1, SUSPENDED: 1, REINSTATED: 1, PLANNED_ADOPTION: 2, FUNDING: 3 };
  const LANE_PX = 11;
  const MARKER_PX = 9;

  const state = { session: null, districts: [], sections: [], casePage: 0, lastData: null, generation: 0 };
  const $ = id => document.getElementById(id);

  async function api(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (response.status === 401) {
      window.location.assign('/login');
      throw new Error('401');
    }
    if (!response.ok) {
      let detail = response.status + ' ' + response.statusText;
      try {
        const problem = await response.json();
        detail = problem.detail || problem.title || detail;
      } catch (e) {
        // not a problem document: keep the status line
      }
      throw new Error(path.split('?')[0] + ': ' + detail);
    }
    return response.json();
  }

  /**
   * The rows of a statistics answer: today an array of rows; an object that carries its rows (and
   * perhaps a protection object) under 'rows' is read the same way, each row given the protection.
   */
  function rowsOf(answer) {
    if (Array.isArray(answer)) {
      return answer;
    }
    if (answer && Array.isArray(answer.rows)) {
      return answer.rows.map(r => (answer.protection && !r.protection ? Object.assign({ protection: answer.protection }, r) : r));
    }
    return answer ? [answer] : [];
  }

  async function rows(path) {
    return rowsOf(await api(path));
  }

  /** 'YYYY-MM' n months before the given one. */
  function monthsBefore(month, n) {
    const [y, m] = month.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1 - n, 1)).toISOString().slice(0, 7);
  }

  function lastMonth() {
    const now = new Date();
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    return d.toISOString().slice(0, 7);
  }

  function filters() {
    const checked = [...document.querySelectorAll('#district-filter input[type=checkbox]:checked')].map(b => b.value);
    return {
      from: $('from').value, to: $('to').value, workModel: $('workModel').value, concern: $('concern').value,
      districts: checked
    };
  }

  function query(overrides) {
    const f = Object.assign(filters(), overrides || {});
    const params = new URLSearchParams();
    ['from', 'to', 'workModel', 'concern'].forEach(k => { if (f[k]) { params.set(k, f[k]); } });
    const s = params.toString();
    return s ? '&' + s : '';
  }

  function districtName(code) {
    const d = state.districts.find(x => x.code === code);
    return d ? d.name : code;
  }

  function isDistrictUser() {
    return state.session && ['DISTRICT_ADMIN', 'DISTRICT_SUPERVISOR', 'DISTRICT_WORKER'].includes(state.session.role);
  }

  // ---------------------------------------------------------------- start

  async function start() {
    i18n.apply(document);
    $('lang').addEventListener('click', () => { i18n.toggle(); render(); });
    [state.session, state.districts] = await Promise.all([api('/dashboard/session'), api('/api/v1/districts')]);
    $('user').textContent = t('signedInAs') + ' ' + state.session.user;
    $('spread-link').hidden = !['CITY_ANALYST', 'PLATFORM_ADMIN'].includes(state.session.role);
    const csrf = $('logout-csrf');
    csrf.name = state.session.csrfParameter;
    csrf.value = state.session.csrfToken;
    buildFilters();
    foldFiltersOnPhones();
    // Shown once the filters above it have their final size, so it never moves after it is seen.
    $('main').classList.remove('pending');
    $('filters').classList.remove('pending');
    $('filters').addEventListener('submit', e => { e.preventDefault(); state.casePage = 0; load(); });
    $('reset').addEventListener('click', () => { resetFilters(); load(); });
    $('target-group').addEventListener('click', () => {
      const on = $('concern').value !== TARGET_GROUP;
      $('concern').value = on ? TARGET_GROUP : '';
      $('target-group').setAttribute('aria-pressed', String(on));
      load();
    });
    $('concern').addEventListener('change', () => $('target-group').setAttribute('aria-pressed', String($('concern').value === TARGET_GROUP)));
    $('csv').addEventListener('click', downloadCsv);
    await load();
  }

  /** On a phone the filters would fill the first screen: folded behind their heading, so the answer comes first. */
  function foldFiltersOnPhones() {
    const title = $('filters-title');
    const toggle = C.element('button', { type: 'button', id: 'filters-toggle', 'aria-controls': 'filters', 'aria-expanded': 'true' });
    toggle.textContent = title.textContent;
    toggle.dataset.i18n = title.dataset.i18n;
    title.removeAttribute('data-i18n');
    title.textContent = '';
    title.appendChild(toggle);
    // Folded from the first paint on a phone by the style sheet; the button unfolds (or folds) it.
    const isFolded = () => getComputedStyle($('district-filter').parentElement.querySelector('.filter-row')).display === 'none';
    toggle.addEventListener('click', () => {
      const form = $('filters');
      if (isFolded()) {
        form.classList.remove('folded');
        form.classList.add('unfolded');
      } else {
        form.classList.remove('unfolded');
        form.classList.add('folded');
      }
      toggle.setAttribute('aria-expanded', String(!isFolded()));
    });
    toggle.setAttribute('aria-expanded', String(!isFolded()));
  }

  function buildFilters() {
    const fieldset = $('district-filter');
    if (isDistrictUser()) {
      fieldset.hidden = true;
    } else {
      state.districts.forEach(d => {
        const id = 'district-' + d.code;
        const box = C.element('input', { type: 'checkbox', id, value: d.code });
        box.checked = true;
        fieldset.appendChild(C.element('span', { class: 'check' }, [box, C.element('label', { for: id, text: d.name })]));
      });
    }
    fillSelect($('workModel'), MODELS);
    fillSelect($('concern'), CONCERNS.concat([TARGET_GROUP]));
    resetFilters();
  }

  function fillSelect(select, values) {
    select.innerHTML = '';
    select.appendChild(C.element('option', { value: '', 'data-i18n': 'all', text: t('all') }));
    values.forEach(v => select.appendChild(C.element('option', { value: v, 'data-i18n': v === TARGET_GROUP ? 'targetGroup' : v, text: t(v === TARGET_GROUP ? 'targetGroup' : v) })));
  }

  function resetFilters() {
    $('from').value = '2019-01';
    $('to').value = lastMonth();
    $('workModel').value = '';
    $('concern').value = '';
    $('target-group').setAttribute('aria-pressed', 'false');
    document.querySelectorAll('#district-filter input[type=checkbox]').forEach(b => { b.checked = true; });
  }

  async function load() {
    // A newer load (a filter changed meanwhile) wins: an older one draws nothing more.
    const generation = ++state.generation;
    const current = () => generation === state.generation;
    const show = data => {
      if (current()) {
        state.lastData = data;
        render();
      }
    };
    const status = $('status');
    status.textContent = t('loading');
    document.body.setAttribute('aria-busy', 'true');
    try {
      show(isDistrictUser() ? await loadDistrict() : await loadCity(show));
      if (current()) {
        status.textContent = t('loaded');
      }
    } catch (e) {
      if (current()) {
        status.textContent = t('failed') + e.message;
      }
    } finally {
      if (current()) {
        document.body.removeAttribute('aria-busy');
      }
    }
  }

  function render() {
    if (!state.lastData) {
      return;
    }
    C.disposeAll();
    const view = $('view');
    view.innerHTML = '';
    state.sections = [];
    $('view-title').textContent = t(isDistrictUser() ? 'districtView' : 'cityView')
      + (isDistrictUser() ? ' – ' + districtName(state.session.district) : '');
    if (isDistrictUser()) {
      renderDistrict(view, state.lastData);
    } else {
      renderCity(view, state.lastData);
    }
    view.dataset.rendered = String(Date.now());
  }

  function downloadCsv() {
    const f = filters();
    const heading = $('view-title').textContent + ' ' + f.from + '–' + f.to
      + (f.workModel ? ' ' + t(f.workModel) : '') + (f.concern ? ' ' + concernName(f.concern) : '');
    const blob = new Blob([C.csv(state.sections, heading)], { type: 'text/csv;charset=utf-8' });
    const link = C.element('a', { href: URL.createObjectURL(blob), download: 'tidigt-' + (isDistrictUser() ? state.session.district : 'city') + '-' + f.from + '-' + f.to + '.csv' });
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function protectionNote(rows) {
    const protection = rows.map(r => r && r.protection).find(p => p);
    if (!protection) {
      return null;
    }
    return C.element('p', { class: 'note protection', text: t('protectionNote') });
  }

  // ---------------------------------------------------------------- city view

  /**
   * The city view in two steps: the answer (the share per work model and the effect) is shown as soon
   * as its three answers are in, and only then are the figures of the sections below asked for, so the
   * first screen waits for nothing it does not show.
   */
  async function loadCity(show) {
    const f = filters();
    const models = f.workModel ? [f.workModel] : MODELS;
    const last = lastMonth();
    const [byModel, recent, effect] = await Promise.all([
      rows('/api/v1/stats/city?groupBy=workModel' + query()),
      rows('/api/v1/stats/city?groupBy=workModel' + query({ from: monthsBefore(last, 11), to: last })),
      api('/api/v1/stats/rollout-effect?workModel=VALLINGBY_TEAM&metric=acceptanceRate&replicates=499'
        + (f.concern ? '&concern=' + encodeURIComponent(f.concern) : ''))
    ]);
    const headline = { models, byModel, recent, effect };
    show(headline);
    const years = yearsOf(f.from, f.to);
    const [byDistrict, timelines, yearly, months] = await Promise.all([
      rows('/api/v1/stats/city?groupBy=district' + query()),
      Promise.all(state.districts.map(d => api('/api/v1/districts/' + encodeURIComponent(d.code) + '/rollout'))),
      Promise.all(years.map(y => rows('/api/v1/stats/city?groupBy=district' + query({ from: y.from, to: y.to })))),
      Promise.all(models.map(m => rows('/api/v1/stats/city?groupBy=month' + query({ workModel: m }))))
    ]);
    return Object.assign(headline, { byDistrict, timelines, years, yearly, months });
  }

  function renderCity(view, data) {
    const chosen = filters().districts;
    const everyDistrict = chosen.length === state.districts.length;
    const add = (spec, parent) => state.sections.push(C.section(parent || view, spec));
    add(answer(data));
    add(effect(data.effect));
    add(modelsToday(chosen));
    if (!data.byDistrict) {
      return;
    }
    const note = protectionNote(data.byModel.concat(data.byDistrict));
    if (note) {
      view.appendChild(note);
    }
    add(acceptanceByMonth(data, everyDistrict));
    add(acceptanceByDistrict(data.byDistrict.filter(r => chosen.includes(r.group.district))));
    add(acceptanceByDistrictAndYear(data.years, data.yearly, chosen));
    const more = C.element('details', { class: 'specialists', id: 'details' }, [C.element('summary', { text: t('forSpecialists') })]);
    view.appendChild(more);
    // Charts drawn while folded take their size when unfolded.
    more.addEventListener('toggle', () => window.dispatchEvent(new Event('resize')));
    const rows = data.byModel;
    const cityWide = everyDistrict ? null : t('ignoresDistricts');
    [funnel(rows, r => t(r.group.workModel)), assessmentDeadline(rows, r => t(r.group.workModel)),
      investigationDeadline(rows, r => t(r.group.workModel)), ages(rows, r => t(r.group.workModel))]
      .forEach(spec => add(Object.assign(spec, { ignores: cityWide }), more));
    add(timeline(data.timelines.filter(tl => chosen.includes(tl.district))), more);
    add(eventStudy(data.effect), more);
  }

  /** The headline: the share accepting per work model, all the chosen period and its last 12 months. */
  function answer(data) {
    const f = filters();
    const recentOf = new Map(data.recent.map(r => [r.group.workModel, r]));
    const rows = data.byModel.map(r => {
      const last12 = recentOf.get(r.group.workModel);
      return [t(r.group.workModel), C.figure(r, 'acceptanceRate.value', 'pct'), interval(r), C.figure(r, 'acceptanceRate.denominator', 'num'),
        C.figure(last12, 'acceptanceRate.value', 'pct'), interval(last12), C.figure(last12, 'acceptanceRate.denominator', 'num')];
    });
    const cards = C.element('ul', { class: 'kpis headline' }, data.byModel.map(r => {
      const share = C.figure(r, 'acceptanceRate.value', 'pct');
      const n = C.figure(r, 'acceptanceRate.denominator', 'num');
      const yes = C.figure(r, 'acceptanceRate.numerator', 'num');
      return C.element('li', { 'data-model': r.group.workModel }, [
        C.element('span', { class: 'kpi-label', text: t(r.group.workModel) }),
        C.element('strong', { class: 'share', text: C.text(share) }),
        C.element('span', { class: 'kpi-detail', text: t('interval95') + ' ' + C.text(interval(r))
          + ' · ' + i18n.number(yes.v || 0, 0) + ' ' + t('of') + ' ' + i18n.number(n.v || 0, 0) + ' ' + t('families') })]);
    }));
    return {
      id: 'answer', title: t('answerTitle'), folded: true,
      note: t('answerNote') + ' ' + i18n.month(f.from) + ' – ' + i18n.month(f.to) + (f.concern ? ', ' + concernName(f.concern) : '') + '.',
      ignores: f.districts.length === state.districts.length ? null : t('ignoresDistricts'),
      before: [cards],
      columns: [t('workModel'), t('wholePeriod'), t('interval95'), t('n'), t('last12'), t('interval95'), t('n')], rows
    };
  }

  function interval(row) {
    const low = C.figure(row, 'acceptanceRate.low', 'pct');
    const high = C.figure(row, 'acceptanceRate.high', 'pct');
    if (low.state === 'suppressed' || high.state === 'suppressed') {
      return { v: null, kind: 'text', state: 'suppressed' };
    }
    return { v: low.v == null ? null : C.text(low) + ' – ' + C.text(high), kind: 'text', state: low.v == null ? 'nodata' : null };
  }

  function concernName(concern) {
    return concern === TARGET_GROUP ? t('targetGroup') : concern.split(',').map(t).join(', ');
  }

  /** Which work model each district runs today. */
  function modelsToday(chosen) {
    const districts = state.districts.filter(d => chosen.includes(d.code));
    const team = districts.filter(d => d.workModelInForce === 'VALLINGBY_TEAM').length;
    return {
      id: 'models-today', title: t('modelsToday'),
      note: i18n.number(team, 0) + ' ' + t('of') + ' ' + i18n.number(districts.length, 0) + ' ' + t('districtsRunTeam'),
      columns: [t('district'), t('workModel')],
      rows: districts.map(d => [d.name, d.workModelInForce ? t(d.workModelInForce) : t('noData')])
    };
  }

  /**
   * The share accepting per work model over time. A month whose counts are too small to publish is a
   * gap with a grey band, never a zero; when a model's months are mostly that small, every series is
   * shown by quarter instead (summed from the published months), and the note says so.
   */
  function acceptanceByMonth(data, everyDistrict) {
    const months = [...new Set(data.months.flat().map(r => r.group.month))].sort();
    const small = data.months.map(list => list.filter(r => C.figure(r, 'acceptanceRate.value').state === 'suppressed').length);
    const byQuarter = data.months.some((list, i) => list.length > 0 && small[i] / list.length > 0.25);
    const periods = byQuarter ? [...new Set(months.map(quarterOf))] : months;
    const label = byQuarter ? quarterLabel : i18n.month;
    const series = [];
    const rows = [];
    const gaps = new Set();
    data.models.forEach((model, i) => {
      const cells = byQuarter ? quarters(data.months[i]) : new Map(data.months[i].map(r => [r.group.month, r]));
      const value = periods.map(m => C.figure(cells.get(m), 'acceptanceRate.value', 'pct'));
      const low = periods.map(m => C.figure(cells.get(m), 'acceptanceRate.low', 'pct'));
      const high = periods.map(m => C.figure(cells.get(m), 'acceptanceRate.high', 'pct'));
      value.forEach((v, k) => { if (v.state === 'suppressed') { gaps.add(k); } });
      const color = C.PALETTE[i];
      series.push(band(t(model) + ' ' + t('interval95'), low.map(C.plot), high.map(C.plot), color));
      series.push({ name: t(model), type: 'line', data: value.map(C.plot), color, symbolSize: 4, connectNulls: false });
      periods.forEach((m, k) => rows.push([label(m), t(model), value[k], low[k], high[k],
        C.figure(cells.get(m), 'acceptanceRate.denominator', 'num')]));
    });
    if (gaps.size) {
      // A full-height grey bar behind the lines where a share is withheld: visibly a gap, not a zero.
      series.push({ name: t('withheldShort'), type: 'bar', silent: true, z: 0, barWidth: '70%', color: 'rgba(120,120,120,0.22)',
        tooltip: { show: false }, data: periods.map((m, k) => (gaps.has(k) ? 1 : null)) });
    }
    return {
      id: 'acceptance-by-month', title: t(byQuarter ? 'acceptanceByModelQuarter' : 'acceptanceByModel'),
      note: t('acceptanceByModelNote') + (byQuarter ? ' ' + t('byQuarterNote') : '') + (gaps.size ? ' ' + t('gapNote') : ''),
      ignores: everyDistrict ? null : t('ignoresDistricts'),
      columns: [t(byQuarter ? 'quarter' : 'month'), t('workModel'), t('value'), t('low'), t('high'), t('n')], rows,
      chart: {
        tooltip: { trigger: 'axis', valueFormatter: v => (v == null ? t('withheldShort') : i18n.percent(v)) },
        legend: { data: data.models.map(m => t(m)).concat(gaps.size ? [t('withheldShort')] : []) },
        grid: { left: 16, right: 20, bottom: 60, containLabel: true },
        xAxis: { type: 'category', data: periods.map(label) },
        yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: v => i18n.percentWhole(v) } },
        dataZoom: [{ type: 'slider', bottom: 10 }], series
      }
    };
  }

  /** A shaded interval from low to high (a custom polygon, so negative bounds are drawn where they are). */
  function band(name, low, high, color) {
    return {
      name, type: 'custom', silent: true, tooltip: { show: false }, z: 1, data: low.map((l, k) => [k, l, high[k]]),
      renderItem: (params, api) => {
        if (params.dataIndex !== 0) {
          return null;
        }
        const runs = [];
        let run = [];
        low.forEach((l, k) => {
          if (l == null || high[k] == null) {
            if (run.length) { runs.push(run); }
            run = [];
          } else {
            run.push(k);
          }
        });
        if (run.length) { runs.push(run); }
        return {
          type: 'group', children: runs.map(r => ({
            type: 'polygon', shape: { points: r.map(k => api.coord([k, high[k]])).concat(r.slice().reverse().map(k => api.coord([k, low[k]]))) },
            style: { fill: color, opacity: 0.18 }
          }))
        };
      }
    };
  }

  function quarterOf(month) {
    const [y, m] = month.split('-').map(Number);
    return y + '-Q' + (Math.floor((m - 1) / 3) + 1);
  }

  function quarterLabel(quarter) {
    const [y, q] = quarter.split('-Q');
    return t('quarterShort') + q + ' ' + y;
  }

  /** Quarters from the published months: counts summed, the share and its Wilson interval from them. */
  function quarters(monthRows) {
    const sums = new Map();
    monthRows.forEach(r => {
      const rate = r.acceptanceRate || {};
      const q = quarterOf(r.group.month);
      const sum = sums.get(q) || { yes: 0, n: 0, protection: r.protection };
      sum.yes += rate.numerator || 0;
      sum.n += rate.denominator || 0;
      sums.set(q, sum);
    });
    const out = new Map();
    sums.forEach((sum, q) => {
      const w = C.wilson(sum.yes, sum.n);
      out.set(q, { group: { quarter: q }, protection: sum.protection,
        acceptanceRate: Object.assign({ numerator: sum.yes, denominator: sum.n }, w || { value: null, low: null, high: null }) });
    });
    return out;
  }

  function acceptanceByDistrict(rows) {
    const names = rows.map(r => districtName(r.group.district));
    const value = rows.map(r => C.figure(r, 'acceptanceRate.value', 'pct'));
    const low = rows.map(r => C.figure(r, 'acceptanceRate.low', 'pct'));
    const high = rows.map(r => C.figure(r, 'acceptanceRate.high', 'pct'));
    return {
      id: 'acceptance-by-district', title: t('acceptanceByDistrict'), note: t('acceptanceByDistrictNote'),
      columns: [t('district'), t('value'), t('low'), t('high'), t('n')],
      rows: rows.map((r, k) => [names[k], value[k], low[k], high[k], C.figure(r, 'acceptanceRate.denominator', 'num')]),
      chart: {
        tooltip: { trigger: 'axis' }, grid: { left: 150, right: 30 },
        yAxis: { type: 'category', data: names }, xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: v => i18n.percentWhole(v) } },
        series: [
          { name: t('low'), type: 'bar', stack: 'interval', barWidth: 10, silent: true, itemStyle: { color: 'transparent', decal: { symbol: 'none' } },
            data: low.map((l, k) => (l.v == null || high[k].v == null ? null : l.v)), tooltip: { show: false } },
          { name: t('interval95'), type: 'bar', stack: 'interval', barWidth: 10, itemStyle: { color: '#9cb8dc' },
            data: low.map((l, k) => (l.v == null || high[k].v == null ? null : high[k].v - l.v)) },
          { name: t('value'), type: 'scatter', symbolSize: 11, color: '#b3261e', data: value.map(C.plot) }
        ]
      }
    };
  }

  /** The calendar years (cut to the chosen months) between two months. */
  function yearsOf(from, to) {
    const first = Number((from || '2019-01').slice(0, 4));
    const last = Number((to || lastMonth()).slice(0, 4));
    const years = [];
    for (let y = first; y <= last; y++) {
      years.push({ year: String(y), from: y === first && from ? from : y + '-01', to: y === last && to ? to : y + '-12' });
    }
    return years;
  }

  function acceptanceByDistrictAndYear(years, yearly, chosen) {
    const codes = state.districts.map(d => d.code).filter(code => chosen.includes(code));
    const rows = [];
    const series = codes.map(code => {
      const cells = yearly.map(answer => answer.find(r => r.group.district === code));
      cells.forEach((row, k) => rows.push([districtName(code), years[k].year, C.figure(row, 'acceptanceRate.value', 'pct'),
        C.figure(row, 'acceptanceRate.low', 'pct'), C.figure(row, 'acceptanceRate.high', 'pct'),
        C.figure(row, 'acceptanceRate.denominator', 'num')]));
      return { name: districtName(code), type: 'line', symbolSize: 6, data: cells.map(row => C.plot(C.figure(row, 'acceptanceRate.value', 'pct'))) };
    });
    return {
      id: 'acceptance-by-district-and-year', title: t('acceptanceByDistrictYear'), note: t('acceptanceByDistrictYearNote'),
      columns: [t('district'), t('year'), t('value'), t('low'), t('high'), t('n')], rows,
      chart: {
        tooltip: { trigger: 'axis', valueFormatter: v => (v == null ? '–' : i18n.percent(v)) },
        legend: { type: 'scroll' }, grid: { left: 60, right: 20, top: 50 },
        xAxis: { type: 'category', data: years.map(y => y.year) },
        yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: v => i18n.percentWhole(v) } }, series
      }
    };
  }

  function funnel(rows, label) {
    return {
      id: 'funnel', title: t('funnel'), note: t('funnelNote'),
      columns: [t('stage')].concat(rows.map(label)),
      rows: STAGES.map(s => [t(s)].concat(rows.map(r => C.figure(r, 'funnel.' + s, 'num')))),
      chart: {
        tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 60, right: 20, bottom: 110 },
        xAxis: { type: 'category', data: STAGES.map(t), axisLabel: { rotate: 35, interval: 0 } }, yAxis: { type: 'value' },
        series: rows.map(r => ({ name: label(r), type: 'bar', data: STAGES.map(s => C.plot(C.figure(r, 'funnel.' + s))) }))
      }
    };
  }

  function leadTimeSection(id, title, measures, deadline, deadlineLabel, extra, rows, label) {
    return {
      id, title, note: t('deadlinesNote'),
      columns: [t('measure')].concat(rows.map(label)),
      rows: measures.concat(extra).map(([key, path, kind]) => [t(key)].concat(rows.map(r => C.figure(r, path, kind || 'days')))),
      chart: {
        tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 60, right: 60, bottom: 80 },
        xAxis: { type: 'category', data: measures.map(([key]) => t(key)), axisLabel: { interval: 0, width: 320, overflow: 'break' } },
        yAxis: { type: 'value', name: t('days') },
        series: rows.map((r, i) => ({
          name: label(r), type: 'bar', data: measures.map(([, path]) => C.plot(C.figure(r, path, 'days'))),
          markLine: i === 0 ? { symbol: 'none', lineStyle: { color: '#b3261e', type: 'dashed', width: 2 }, label: { formatter: deadlineLabel },
            data: [{ yAxis: deadline }] } : undefined
        }))
      }
    };
  }

  function assessmentDeadline(rows, label) {
    return leadTimeSection('deadline-14-days', t('deadlines') + ': ' + t('deadline14'),
      [['medianToAssessment', 'leadTimes.concernToInitialAssessment.medianDays'], ['p90ToAssessment', 'leadTimes.concernToInitialAssessment.p90Days']],
      14, t('deadline14'), [['within14', 'initialAssessmentWithin14Days.value', 'pct'],
        ['breachesPROTECTION_ASSESSMENT', 'deadlineBreaches.PROTECTION_ASSESSMENT', 'num'], ['breachesINITIAL_ASSESSMENT', 'deadlineBreaches.INITIAL_ASSESSMENT', 'num']],
      rows, label);
  }

  function investigationDeadline(rows, label) {
    return leadTimeSection('deadline-4-months', t('deadlines') + ': ' + t('deadline4m'),
      [['medianInvestigation', 'investigationLength.medianDays'], ['p90Investigation', 'investigationLength.p90Days']],
      122, t('deadline4m'), [['overFourMonths', 'investigationLength.overDue.value', 'pct'],
        ['breachesINVESTIGATION', 'deadlineBreaches.INVESTIGATION', 'num']], rows, label);
  }

  function ages(rows, label) {
    const years = [...Array(19).keys()];
    return {
      id: 'ages', title: t('ages'), note: t('agesNote'),
      columns: [t('measure')].concat(rows.map(label)),
      rows: [['shareUnder10AtIntervention', 'ageAtFirstIntervention.shareUnder10.value', 'pct'],
        ['share13to17AtIntervention', 'ageAtFirstIntervention.share13to17.value', 'pct'],
        ['medianYearsToIntervention', 'lateSupport.yearsToFirstIntervention.medianYears', 'years'],
        ['shareTwoYears', 'lateSupport.shareTwoYearsOrMore.value', 'pct']]
        .map(([key, path, kind]) => [t(key)].concat(rows.map(r => C.figure(r, path, kind))))
        .concat(years.map(y => [t('age') + ' ' + y].concat(rows.map(r => C.figure(r, 'ageAtFirstIntervention.byYear.' + y, 'num'))))),
      chart: {
        tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 60, right: 20 },
        xAxis: { type: 'category', name: t('age'), data: years.map(String) }, yAxis: { type: 'value', name: t('children') },
        series: rows.map(r => ({ name: label(r), type: 'bar', data: years.map(y => C.plot(C.figure(r, 'ageAtFirstIntervention.byYear.' + y))) }))
      }
    };
  }

  function timelineDetails(entry) {
    switch (entry.kind) {
      case 'FUNDING': return entry.source + ', ' + i18n.number(entry.amountSek, 0) + ' kr, ' + i18n.date(entry.from) + ' – ' + i18n.date(entry.to);
      case 'STAFFING': return i18n.number(entry.budgetedFte) + ' ' + t('posts') + ', ' + i18n.number(entry.filledFte) + ' ' + t('filled');
      case 'SUSPENDED': return t(entry.workModel) + (entry.reason ? ', ' + t('reason' + entry.reason) : '') + (entry.note ? ': ' + entry.note : '');
      case 'PLANNED_ADOPTION': return t(entry.workModel) + ', ' + t('wave') + ' ' + entry.wave;
      default: return entry.workModel ? t(entry.workModel) : '';
    }
  }

  function timeline(timelines) {
    const names = timelines.map(tl => districtName(tl.district));
    const rows = [];
    const byKind = new Map(TIMELINE_KINDS.map(k => [k, []]));
    timelines.forEach((tl, i) => tl.timeline.forEach(entry => {
      const date = entry.effectiveFrom || entry.from;
      rows.push([names[i], i18n.date(date), t(entry.kind), timelineDetails(entry)]);
      if (byKind.has(entry.kind)) {
        byKind.get(entry.kind).push([date, names[i], timelineDetails(entry)]);
      }
    }));
    const lanes = Math.max(...Object.values(LANES)) + 1;
    return {
      id: 'rollout-timeline', title: t('timeline'), note: t('timelineNote'),
      columns: [t('district'), t('date'), t('kind'), t('details')], rows,
      // Tall enough for every line of every district's row (the axis and legend take about 100 px).
      height: Math.max(200, 100 + names.length * (lanes * LANE_PX + 6)),
      chart: {
        tooltip: { formatter: p => p.seriesName + ' – ' + p.value[1] + ' – ' + i18n.date(p.value[0]) + '<br>' + p.value[2] },
        legend: { type: 'scroll' }, grid: { left: 16, right: 30, top: 60, bottom: 16, containLabel: true },
        xAxis: { type: 'time' }, yAxis: { type: 'category', data: names, inverse: true },
        series: TIMELINE_KINDS.map(kind => ({ name: t(kind), type: 'scatter', symbol: SYMBOLS[kind], symbolSize: MARKER_PX,
          symbolOffset: [0, (LANES[kind] - (lanes - 1) / 2) * LANE_PX], data: byKind.get(kind) }))
      }
    };
  }

  /** Percentage points from a share difference (−1..1), signed: '+45'. */
  function pp(share, digits) {
    const v = Math.round(share * 100 * Math.pow(10, digits || 0)) / Math.pow(10, digits || 0);
    return (v > 0 ? '+' : v < 0 ? '−' : '') + i18n.number(Math.abs(v), digits || 0);
  }

  /** How strong the evidence is, from where the interval lies. */
  function evidence(agg) {
    if (agg.low == null || agg.high == null) {
      return t('evidenceNone');
    }
    if (agg.low > 0 || agg.high < 0) {
      return t(agg.high - agg.low <= 0.3 ? 'evidenceStrong' : 'evidenceModerate');
    }
    return t('evidenceWeak');
  }

  /** The effect in one sentence, how strong the evidence is, and at most three short warnings. */
  function effect(answer) {
    const agg = answer.aggregate || {};
    const f = filters();
    const sentence = C.element('p', { class: 'effect-summary', id: 'effect-sentence' });
    sentence.textContent = agg.att == null ? t('effectUnknown')
      : pp(agg.att) + ' ' + t('ppLong') + (agg.low != null ? ', ' + t('interval95') + ' ' + pp(agg.low) + ' ' + t('to') + ' ' + pp(agg.high) : '')
        + ', ' + t('in') + ' ' + i18n.number(agg.treatedDistricts || 0, 0) + ' ' + t('of') + ' ' + i18n.number(state.districts.length, 0) + ' ' + t('districtsLower') + '.';
    const strength = C.element('p', { class: 'evidence', id: 'effect-evidence', text: evidence(agg) });
    const warnings = effectWarnings(answer);
    const before = [sentence, strength];
    if (warnings.short.length) {
      before.push(C.element('ul', { class: 'warnings', id: 'effect-warnings' }, warnings.short.map(w => C.element('li', { text: w }))));
    }
    if (warnings.full.length) {
      before.push(C.element('details', { class: 'all-warnings' }, [C.element('summary', { text: t('allWarnings') + ' (' + warnings.full.length + ')' }),
        C.element('ul', {}, warnings.full.map(w => C.element('li', { text: w })))]));
    }
    return {
      id: 'rollout-effect', title: t('effect'), note: t('effectNote'), before, folded: true,
      ignores: t('effectIgnores'),
      columns: [t('measure'), t('value')],
      rows: [[t('aggregateEffect'), { v: agg.att == null ? null : pp(agg.att, 1), kind: 'text' }],
        [t('low'), { v: agg.low == null ? null : pp(agg.low, 1), kind: 'text' }],
        [t('high'), { v: agg.high == null ? null : pp(agg.high, 1), kind: 'text' }],
        [t('treatedDistricts'), agg.treatedDistricts], [t('comparisonDistricts'), agg.comparisonDistricts]]
    };
  }

  /** Short translated warnings (at most three) made from the answer's fields, and the full list. */
  function effectWarnings(answer) {
    const agg = answer.aggregate || {};
    const excluded = (agg.excludedDistricts || []).map(e => districtName(e.district));
    const short = [];
    if (excluded.length) {
      short.push(t('warnExcluded') + ' ' + excluded.join(', ') + '.');
    }
    if (agg.comparisonDistricts != null) {
      short.push(t('warnComparisons').replace('{n}', i18n.number(agg.comparisonDistricts, 0)));
    }
    short.push(t('warnNotProof'));
    let full;
    if (i18n.lang === 'en') {
      full = answer.warnings || [];
    } else {
      full = (agg.excludedDistricts || []).map(e => districtName(e.district) + ': ' + t(/base period/.test(e.reason || '') ? 'reasonNoBase'
        : /comparison/.test(e.reason || '') ? 'reasonNoComparison' : 'reasonOther'));
      const single = (answer.eventStudy || []).filter(p => p.cohorts === 1).length;
      if (single) {
        full.push(t('warnSingleCohort').replace('{n}', i18n.number(single, 0)));
      }
      (answer.districts || []).filter(d => Array.isArray(d.spells) && d.spells.length > 1)
        .forEach(d => full.push(districtName(d.district) + ': ' + t('warnSpells')));
    }
    return { short: short.slice(0, 3), full };
  }

  /** The effect by months since adoption: two years before to three after, its band from low to high. */
  function eventStudy(answer) {
    const points = (answer.eventStudy || []).filter(e => e.monthsSinceAdoption >= -24 && e.monthsSinceAdoption <= 36);
    const thin = p => p.low == null || p.high == null || (p.cells || 0) < 3;
    const clamp = v => (v == null ? null : Math.max(-1, Math.min(1, v)));
    const series = [band(t('interval95'), points.map(p => clamp(p.low)), points.map(p => clamp(p.high)), '#1f5fa8')];
    series.push({ name: t('att'), type: 'line', color: '#1f5fa8', symbolSize: 6, lineStyle: { width: 1.5 },
      data: points.map(p => ({ value: clamp(p.att), itemStyle: thin(p) ? { color: '#9e9e9e' } : undefined })),
      markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#4a4a4a' }, label: { show: false },
        data: [{ yAxis: 0 }, { xAxis: String(0) }] } });
    return {
      id: 'event-study', title: t('eventStudy'), note: t('eventStudyNote'),
      columns: [t('monthsSince'), t('att'), t('low'), t('high'), t('cells')],
      rows: points.map(p => [String(p.monthsSinceAdoption), { v: p.att == null ? null : pp(p.att, 1), kind: 'text' },
        { v: p.low == null ? null : pp(p.low, 1), kind: 'text' }, { v: p.high == null ? null : pp(p.high, 1), kind: 'text' }, p.cells]),
      chart: {
        tooltip: { trigger: 'axis', valueFormatter: v => (v == null ? '–' : pp(v, 1) + ' ' + t('ppShort')) },
        grid: { left: 16, right: 20, top: 40, containLabel: true },
        xAxis: { type: 'category', name: t('monthsSinceShort'), nameLocation: 'middle', nameGap: 28, data: points.map(p => String(p.monthsSinceAdoption)) },
        yAxis: { type: 'value', min: -1, max: 1, interval: 0.5, name: t('ppUnit'), axisLabel: { formatter: v => pp(v) } }, series
      }
    };
  }

  // ---------------------------------------------------------------- district view

  async function loadDistrict() {
    const district = state.session.district;
    const byMonth = Promise.all(MODELS.map(m => rows('/api/v1/stats/city?groupBy=month' + query({ workModel: m }))));
    const [figures, deadlines, cases] = await Promise.all([
      api('/api/v1/stats/districts/' + encodeURIComponent(district) + '?' + query().slice(1)),
      api('/api/v1/districts/' + encodeURIComponent(district) + '/deadlines'),
      api('/api/v1/districts/' + encodeURIComponent(district) + '/cases?size=20&page=' + state.casePage)
    ]);
    return { figures, deadlines, cases, models: MODELS, months: await byMonth };
  }

  function renderDistrict(view, data) {
    const row = data.figures;
    const label = () => districtName(state.session.district);
    const add = spec => state.sections.push(C.section(view, spec));
    const kpis = C.element('ul', { class: 'kpis' }, [
      ['concerns', 'funnel.concerns', 'num'], ['acceptanceRate', 'acceptanceRate.value', 'pct'],
      ['within14', 'initialAssessmentWithin14Days.value', 'pct'], ['overFourMonths', 'investigationLength.overDue.value', 'pct']
    ].map(([key, path, kind]) => C.element('li', {}, [C.element('span', { class: 'kpi-label', text: t(key) }),
      C.element('strong', { text: C.text(C.figure(row, path, kind)) })])));
    const own = funnel([row], label);
    own.id = 'own-figures';
    own.title = t('ownFigures') + ': ' + t('funnel');
    own.before = [kpis];
    own.rows.push([t('acceptanceRate'), C.figure(row, 'acceptanceRate.value', 'pct')]);
    own.rows.push([t('interval95'), { v: C.text(C.figure(row, 'acceptanceRate.low', 'pct')) + ' – ' + C.text(C.figure(row, 'acceptanceRate.high', 'pct')), kind: 'text' }]);
    add(own);
    const monthly = acceptanceByMonth(data);
    monthly.id = 'own-acceptance-by-month';
    monthly.title = t('ownFigures') + ': ' + t('acceptanceByModel');
    add(monthly);
    add(assessmentDeadline([row], label));
    add(investigationDeadline([row], label));
    add(worklist(data.deadlines));
    add(caseList(data.cases));
  }

  function worklist(items) {
    const sorted = [...items].sort((a, b) => (b.overdue - a.overdue) || String(a.dueDate).localeCompare(String(b.dueDate)));
    return {
      id: 'worklist', title: t('worklist'),
      columns: [t('caseId'), t('nextDue'), t('dueDate'), t('daysLeft'), t('overdue'), t('workModel')],
      rows: sorted.map(d => [caseLink(d.caseId), t(d.nextDue), d.dueDate, d.daysLeft, d.overdue ? t('yes') : t('no'), t(d.workModel)])
    };
  }

  /** A case id as a link to the case's page, where the district works in it. */
  function caseLink(caseId) {
    return { kind: 'text', v: caseId.slice(0, 8), href: '/district/cases/' + encodeURIComponent(caseId) };
  }

  function caseList(page) {
    const pages = Math.max(1, Math.ceil(page.total / page.size));
    const previous = C.element('button', { type: 'button', id: 'cases-previous', text: t('previous') });
    const next = C.element('button', { type: 'button', id: 'cases-next', text: t('next') });
    previous.disabled = page.page <= 0;
    next.disabled = page.page + 1 >= pages;
    previous.addEventListener('click', () => { state.casePage = page.page - 1; load(); });
    next.addEventListener('click', () => { state.casePage = page.page + 1; load(); });
    const pager = C.element('nav', { class: 'pager', 'aria-label': t('caseList') }, [previous,
      C.element('span', { text: t('page') + ' ' + (page.page + 1) + ' / ' + pages + ' (' + page.total + ')' }), next]);
    return {
      id: 'cases', title: t('caseList'), after: [pager],
      columns: [t('caseId'), t('receivedAt'), t('status'), t('workModel'), t('reporter'), t('concern')],
      rows: page.cases.map(c => [caseLink(c.caseId), i18n.date(c.receivedAt), t(c.status), t(c.workModel), t(c.reporter),
        (c.concerns || []).map(t).join(', ')])
    };
  }

  document.addEventListener('DOMContentLoaded', () => {
    start().catch(e => { $('main').classList.remove('pending'); $('filters').classList.remove('pending'); $('status').textContent = t('failed') + e.message; });
  });
})();
