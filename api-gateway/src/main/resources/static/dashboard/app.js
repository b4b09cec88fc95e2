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

  const state = { session: null, districts: [], sections: [], casePage: 0, lastData: null };
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
    return state.session && (state.session.role === 'DISTRICT_ADMIN' || state.session.role === 'DISTRICT_WORKER');
  }

  // ---------------------------------------------------------------- start

  async function start() {
    i18n.apply(document);
    $('lang').addEventListener('click', () => { i18n.toggle(); render(); });
    state.session = await api('/dashboard/session');
    $('user').textContent = t('signedInAs') + ' ' + state.session.user;
    const csrf = $('logout-csrf');
    csrf.name = state.session.csrfParameter;
    csrf.value = state.session.csrfToken;
    state.districts = await api('/api/v1/districts');
    buildFilters();
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
    const status = $('status');
    status.textContent = t('loading');
    document.body.setAttribute('aria-busy', 'true');
    try {
      state.lastData = isDistrictUser() ? await loadDistrict() : await loadCity();
      render();
      status.textContent = t('loaded');
    } catch (e) {
      status.textContent = t('failed') + e.message;
    } finally {
      document.body.removeAttribute('aria-busy');
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
      + (f.workModel ? ' ' + f.workModel : '') + (f.concern ? ' ' + f.concern : '');
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
    const method = typeof protection === 'object' ? (protection.method || protection.name || JSON.stringify(protection)) : String(protection);
    return C.element('p', { class: 'note protection', text: t('protection') + ': ' + method });
  }

  // ---------------------------------------------------------------- city view

  async function loadCity() {
    const f = filters();
    const models = f.workModel ? [f.workModel] : MODELS;
    const years = yearsOf(f.from, f.to);
    const yearly = Promise.all(years.map(y => rows('/api/v1/stats/city?groupBy=district'
      + query({ from: y.from, to: y.to }))));
    const [byModel, byDistrict, effect, timelines, ...months] = await Promise.all([
      rows('/api/v1/stats/city?groupBy=workModel' + query()),
      rows('/api/v1/stats/city?groupBy=district' + query()),
      api('/api/v1/stats/rollout-effect?workModel=VALLINGBY_TEAM&metric=acceptanceRate&replicates=499'),
      Promise.all(state.districts.map(d => api('/api/v1/districts/' + encodeURIComponent(d.code) + '/rollout'))),
      ...models.map(m => rows('/api/v1/stats/city?groupBy=month' + query({ workModel: m })))
    ]);
    return { models, byModel, byDistrict, effect, timelines, months, years, yearly: await yearly };
  }

  function renderCity(view, data) {
    const note = protectionNote(data.byModel.concat(data.byDistrict));
    if (note) {
      view.appendChild(note);
    }
    const chosen = filters().districts;
    const add = spec => state.sections.push(C.section(view, spec));
    add(acceptanceByMonth(data));
    add(acceptanceByDistrict(data.byDistrict.filter(r => chosen.includes(r.group.district))));
    add(acceptanceByDistrictAndYear(data.years, data.yearly, chosen));
    const rows = data.byModel;
    add(funnel(rows, r => t(r.group.workModel)));
    add(assessmentDeadline(rows, r => t(r.group.workModel)));
    add(investigationDeadline(rows, r => t(r.group.workModel)));
    add(ages(rows, r => t(r.group.workModel)));
    add(timeline(data.timelines.filter(tl => chosen.includes(tl.district))));
    add(effect(data.effect));
  }

  function acceptanceByMonth(data) {
    const months = [...new Set(data.months.flat().map(r => r.group.month))].sort();
    const series = [];
    const rows = [];
    data.models.forEach((model, i) => {
      const byMonth = new Map(data.months[i].map(r => [r.group.month, r]));
      const value = months.map(m => C.figure(byMonth.get(m), 'acceptanceRate.value', 'pct'));
      const low = months.map(m => C.figure(byMonth.get(m), 'acceptanceRate.low', 'pct'));
      const high = months.map(m => C.figure(byMonth.get(m), 'acceptanceRate.high', 'pct'));
      const stack = 'band-' + model;
      const color = C.PALETTE[i];
      series.push({ name: t(model) + ' ' + t('low'), type: 'line', stack, data: low.map(C.plot), lineStyle: { opacity: 0 }, symbol: 'none', silent: true, tooltip: { show: false } });
      series.push({ name: t(model) + ' ' + t('interval95'), type: 'line', stack, symbol: 'none', silent: true, lineStyle: { opacity: 0 },
        areaStyle: { color, opacity: 0.18 }, data: high.map((h, k) => (h.v == null || low[k].v == null ? null : h.v - low[k].v)), tooltip: { show: false } });
      series.push({ name: t(model), type: 'line', data: value.map(C.plot), color, symbolSize: 4, connectNulls: false });
      months.forEach((m, k) => rows.push([i18n.month(m), t(model), value[k], low[k], high[k],
        C.figure(byMonth.get(m), 'acceptanceRate.denominator', 'num')]));
    });
    return {
      id: 'acceptance-by-month', title: t('acceptanceByModel'), note: t('acceptanceByModelNote'),
      columns: [t('month'), t('workModel'), t('value'), t('low'), t('high'), t('n')], rows,
      chart: {
        tooltip: { trigger: 'axis', valueFormatter: v => (v == null ? '–' : i18n.percent(v)) },
        legend: { data: data.models.map(m => t(m)) }, grid: { left: 60, right: 20, bottom: 60 },
        xAxis: { type: 'category', data: months.map(i18n.month) }, yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: v => i18n.percent(v) } },
        dataZoom: [{ type: 'slider', bottom: 10 }], series
      }
    };
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
        yAxis: { type: 'category', data: names }, xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: v => i18n.percent(v) } },
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
        yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: v => i18n.percent(v) } }, series
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
      case 'FUNDING': return entry.source + ', ' + i18n.number(entry.amountSek, 0) + ' SEK, ' + entry.from + ' – ' + entry.to;
      case 'STAFFING': return i18n.number(entry.budgetedFte) + ' ' + t('posts') + ', ' + i18n.number(entry.filledFte) + ' ' + t('filled');
      case 'SUSPENDED': return t(entry.workModel) + (entry.reason ? ', ' + entry.reason : '') + (entry.note ? ': ' + entry.note : '');
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
      rows.push([names[i], date, t(entry.kind), timelineDetails(entry)]);
      if (byKind.has(entry.kind)) {
        byKind.get(entry.kind).push([date, names[i], timelineDetails(entry)]);
      }
    }));
    return {
      id: 'rollout-timeline', title: t('timeline'), note: t('timelineNote'),
      columns: [t('district'), t('date'), t('kind'), t('details')], rows,
      chart: {
        tooltip: { formatter: p => p.seriesName + ' – ' + p.value[1] + ' – ' + p.value[0] + '<br>' + p.value[2] },
        legend: {}, grid: { left: 150, right: 30, top: 60 },
        xAxis: { type: 'time' }, yAxis: { type: 'category', data: names },
        series: TIMELINE_KINDS.map(kind => ({ name: t(kind), type: 'scatter', symbol: SYMBOLS[kind], symbolSize: 14, data: byKind.get(kind) }))
      }
    };
  }

  function effect(answer) {
    const agg = answer.aggregate || {};
    const points = (answer.eventStudy || []).filter(e => e.monthsSinceAdoption >= -24);
    const hasBand = points.some(p => p.low != null && p.high != null);
    const summary = C.element('p', { class: 'effect-summary' });
    summary.textContent = t('aggregateEffect') + ': ' + C.text({ v: agg.att, kind: 'pp' }) + ' ' + t('att').toLowerCase()
      + (agg.low != null ? ', ' + t('interval95') + ' ' + C.text({ v: agg.low, kind: 'pp' }) + ' – ' + C.text({ v: agg.high, kind: 'pp' }) : '')
      + ' (' + (agg.treatedDistricts == null ? '–' : agg.treatedDistricts) + ' ' + t('treatedDistricts') + ', '
      + (agg.comparisonDistricts == null ? '–' : agg.comparisonDistricts) + ' ' + t('comparisonDistricts') + ')';
    const before = [summary];
    if ((answer.warnings || []).length) {
      before.push(C.element('p', { class: 'warning', text: t('warnings') + ': ' + answer.warnings.join(' ') }));
    }
    const after = answer.caveat ? [C.element('p', { class: 'warning', role: 'note', text: t('caveat') + ': ' + answer.caveat })] : [];
    const series = [];
    if (hasBand) {
      series.push({ type: 'line', stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, silent: true, data: points.map(p => p.low) });
      series.push({ name: t('interval95'), type: 'line', stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { opacity: 0.2 },
        data: points.map(p => (p.low == null || p.high == null ? null : p.high - p.low)) });
    }
    series.push({ name: t('att'), type: 'line', data: points.map(p => p.att), symbolSize: 5,
      markLine: { symbol: 'none', lineStyle: { type: 'dashed' }, data: [{ yAxis: 0 }, { xAxis: String(0) }] } });
    return {
      id: 'rollout-effect', title: t('effect') + ' – ' + t('eventStudy'), note: t('effectNote'), before, after,
      columns: [t('monthsSince'), t('att'), t('low'), t('high'), t('cells')],
      rows: (answer.eventStudy || []).map(p => [String(p.monthsSinceAdoption), { v: p.att, kind: 'pp' },
        { v: p.low === undefined ? null : p.low, kind: 'pp', state: p.low == null ? 'nodata' : null },
        { v: p.high === undefined ? null : p.high, kind: 'pp', state: p.high == null ? 'nodata' : null }, p.cells]),
      chart: {
        tooltip: { trigger: 'axis' }, grid: { left: 60, right: 20 },
        xAxis: { type: 'category', name: t('monthsSince'), data: points.map(p => String(p.monthsSinceAdoption)) },
        yAxis: { type: 'value', axisLabel: { formatter: v => i18n.number(v * 100, 0) } }, series
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
      rows: sorted.map(d => [d.caseId.slice(0, 8), t(d.nextDue), d.dueDate, d.daysLeft, d.overdue ? t('yes') : t('no'), t(d.workModel)])
    };
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
      rows: page.cases.map(c => [c.caseId.slice(0, 8), i18n.date(c.receivedAt), t(c.status), t(c.workModel), t(c.reporter),
        (c.concerns || []).map(t).join(', ')])
    };
  }

  document.addEventListener('DOMContentLoaded', () => {
    start().catch(e => { $('status').textContent = t('failed') + e.message; });
  });
})();
