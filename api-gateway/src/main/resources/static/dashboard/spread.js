/*
 * The spread investigation for analysts and platform admins: the summary, every district's expected
 * gain with its interval, the posts it needs and its cost, a chart of gain against cost, what the team
 * has shown, every assumption with its source, and a scenario editor whose results follow the form.
 * Everything comes from /api/v1/spread-investigation with the page's session.
 */
(function () {
  'use strict';
  const i18n = window.TidigtI18n;
  const C = window.TidigtCharts;
  const t = i18n.t;
  const $ = id => document.getElementById(id);
  const BASE = '/api/v1/spread-investigation';
  const state = { session: null, inv: null, scenario: null, timer: null, asked: 0 };

  async function call(path, options) {
    const response = await fetch(path, Object.assign({ credentials: 'same-origin', headers: { Accept: 'application/json' } }, options || {}));
    if (response.status === 401) {
      window.location.assign('/login');
      throw new Error(t('signedOutNote'));
    }
    if (!response.ok) {
      throw new Error(response.status === 400 ? t('badInput') : response.status === 429 ? t('spBusy') : t('failed') + response.status);
    }
    return response;
  }

  const json = async (path, options) => (await call(path, options)).json();

  function status(text) {
    $('status').textContent = text || '';
  }

  /** 'Text {a} and {b}' with the values filled in. */
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (all, key) => (values[key] === undefined ? all : values[key]));
  }

  const num = (v, digits) => (v === null || v === undefined ? t('spNotKnown') : i18n.number(v, digits));
  const range = (f, digits) => (f && f.low !== undefined && f.low !== null && f.high !== undefined && f.high !== null
    ? num(f.low, digits) + ' ' + t('spTo') + ' ' + num(f.high, digits) : t('spNotKnown'));
  const value = (f, digits) => (f && f.value !== undefined && f.value !== null ? num(f.value, digits) : t('spNotKnown'));
  const points = v => (v === null || v === undefined ? t('spNotKnown') : (v > 0 ? '+' : '') + i18n.number(v * 100, 0));

  function statusText(s) {
    if (s.kind === 'ADOPTED') {
      return fill(t('spAdopted'), { date: s.since ? i18n.date(s.since) : '' });
    }
    if (s.kind === 'PLANNED') {
      return fill(t('spPlanned'), { wave: s.wave, date: s.plannedStart ? i18n.date(s.plannedStart) : '' });
    }
    return t('spNotPlanned');
  }

  // ---------------------------------------------------------------- the investigation

  function summary(inv) {
    const total = inv.notYetAdopted;
    const gain = total.expectedAdditionalAcceptancesPerYear;
    $('summary-text').textContent = total.districts.length === 0 ? t('spAllAdopted') : fill(t('spSummaryText'), {
      n: total.districts.length, gain: value(gain, 0), range: range(gain, 0), fte: value(total.fteNeeded, 1),
      gap: value(total.recruitmentGap, 1), cost: value(total.yearlyCostSek, 0), effect: points(inv.pooledEffect.estimate),
      low: points(inv.pooledEffect.low), high: points(inv.pooledEffect.high)
    });
    const npv = total.netPresentValueSek;
    $('placement-text').textContent = npv && npv.value !== undefined && npv.value !== null
      ? fill(t('spNpvText'), { years: inv.horizonYears, npv: num(npv.value, 0),
        range: npv.low !== undefined && npv.low !== null && npv.high !== undefined && npv.high !== null
          ? ' (' + t('spInterval') + ' ' + range(npv, 0) + ')' : '' })
      : t('spPlacementUnknown');
  }

  function sections(inv) {
    const root = $('spread-sections');
    C.disposeAll();
    root.innerHTML = '';
    const open = inv.districts.filter(d => d.status.kind !== 'ADOPTED');
    C.section(root, {
      id: 'spread-districts', title: t('spDistricts'), note: t('spDistrictsNote'),
      columns: [t('spDistrict'), t('spStatus'), t('spConcerns'), t('spGain'), t('spInterval'), t('spFte'), t('spGap'), t('spCost'), t('spN')],
      rows: inv.districts.map(d => [d.name, statusText(d.status), num(d.intake.concernsPerYear, 0),
        value(d.expectedAdditionalAcceptancesPerYear, 1), range(d.expectedAdditionalAcceptancesPerYear, 1),
        value(d.capacity.fteNeeded, 1), value(d.capacity.recruitmentGap, 1), value(d.cost.yearlyCostSek, 0),
        num(d.expectedAdditionalAcceptancesPerYear.n, 0)])
    });
    C.section(root, {
      id: 'spread-chart', title: t('spChart'), note: t('spChartNote'),
      columns: [t('spDistrict'), t('spCost'), t('spGain'), t('spInterval')],
      rows: open.map(d => [d.name, value(d.cost.yearlyCostSek, 0), value(d.expectedAdditionalAcceptancesPerYear, 1),
        range(d.expectedAdditionalAcceptancesPerYear, 1)]),
      chart: {
        grid: { left: 70, right: 30, top: 30, bottom: 60 },
        tooltip: { trigger: 'item' },
        xAxis: { type: 'value', name: t('spCost'), nameLocation: 'middle', nameGap: 30, min: 0 },
        yAxis: { type: 'value', name: t('spGain'), min: 0 },
        series: [{
          type: 'scatter', symbolSize: 12,
          data: open.filter(d => d.cost.yearlyCostSek.value !== undefined && d.expectedAdditionalAcceptancesPerYear.value !== undefined)
            .map(d => ({ name: d.name, value: [d.cost.yearlyCostSek.value, d.expectedAdditionalAcceptancesPerYear.value] })),
          label: { show: window.innerWidth > 640, formatter: p => p.name, position: 'right', fontSize: 11 }
        }, {
          type: 'custom', name: t('spInterval'),
          renderItem: (params, api) => {
            const low = api.coord([api.value(0), api.value(1)]);
            const high = api.coord([api.value(0), api.value(2)]);
            return { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style: { stroke: '#1f5fa8', lineWidth: 2 } };
          },
          data: open.filter(d => d.expectedAdditionalAcceptancesPerYear.low !== undefined && d.cost.yearlyCostSek.value !== undefined)
            .map(d => [d.cost.yearlyCostSek.value, d.expectedAdditionalAcceptancesPerYear.low, d.expectedAdditionalAcceptancesPerYear.high])
        }]
      }
    });
    C.section(root, {
      id: 'spread-team', title: t('spTeam'), note: fill(t('spTeamNote'), {
        cases: value(inv.team.casesPerFilledFte, 1), perFte: value(inv.team.costPerFilledFteYearSek, 0),
        perFamily: value(inv.team.costPerAcceptedFamilySek, 0)
      }),
      columns: [t('spYear'), t('spConcerns'), t('spFteYears'), t('spCasesPerFte'), t('spCostSek')],
      rows: inv.team.overTime.map(y => [String(y.year), num(y.concerns, 0), num(y.filledFteYears, 2), num(y.casesPerFilledFte, 1), num(y.costSek, 0)])
    });
    C.section(root, {
      id: 'spread-parameters', title: t('spParameters'), note: t('spParametersNote'),
      columns: [t('spParameter'), t('spValue'), t('spUnit'), t('spSource'), t('spSetIn')],
      rows: inv.parameters.map(p => [t('sp.p.' + p.name), num(p.value, 3), t('sp.u.' + p.unit), p.source, t('sp.s.' + p.setIn)])
    });
    root.querySelectorAll('table').forEach(table => table.classList.add('wrap-cells'));
  }

  // ---------------------------------------------------------------- the scenario

  function scenarioForm(inv) {
    const box = $('scenario-districts');
    const fte = $('scenario-fte');
    box.querySelectorAll('.check').forEach(el => el.remove());
    fte.querySelectorAll('.fte-row').forEach(el => el.remove());
    inv.districts.forEach(d => {
      const id = 'sc-' + d.district;
      const input = C.element('input', { type: 'checkbox', id, value: d.district });
      input.checked = d.status.kind !== 'ADOPTED';
      box.appendChild(C.element('span', { class: 'check' }, [input, document.createTextNode(' '), C.element('label', { for: id, text: d.name })]));
      const fteId = 'fte-' + d.district;
      fte.appendChild(C.element('div', { class: 'fte-row' }, [C.element('label', { for: fteId, text: d.name }),
        C.element('input', { type: 'number', id: fteId, min: '0', max: '1000', step: '0.5', 'data-district': d.district,
          placeholder: value(d.capacity.fteNeeded, 1) })]));
    });
    const next = new Date();
    next.setUTCDate(1);
    next.setUTCMonth(next.getUTCMonth() + 1);
    if (!$('first-wave').value) {
      $('first-wave').value = next.toISOString().slice(0, 7);
    }
  }

  function scenarioBody() {
    const districts = [...$('scenario-districts').querySelectorAll('input:checked')].map(el => el.value);
    const fte = {};
    $('scenario-fte').querySelectorAll('input').forEach(el => {
      if (el.value !== '' && districts.includes(el.dataset.district)) {
        fte[el.dataset.district] = Number(el.value);
      }
    });
    return {
      workModel: 'VALLINGBY_TEAM', districts, firstWaveStart: $('first-wave').value + '-01',
      waves: Math.min(Number($('waves').value), Math.max(1, districts.length)), monthsPerWave: Number($('months-per-wave').value),
      fte, simulations: 50, dryRun: true
    };
  }

  async function runScenario() {
    const body = scenarioBody();
    if (!body.districts.length || !$('scenario-form').checkValidity()) {
      $('scenario-result').textContent = t('spChooseDistricts');
      return;
    }
    const asked = ++state.asked;
    $('scenario-result').textContent = t('spComputing');
    const answer = await json(BASE + '/scenarios', {
      method: 'POST', body: JSON.stringify(body),
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', [state.session.csrfHeader]: state.session.csrfToken }
    });
    if (asked === state.asked) {
      state.scenario = answer;
      renderScenario();
    }
  }

  function renderScenario() {
    const s = state.scenario;
    const result = $('scenario-result');
    result.innerHTML = '';
    if (!s) {
      return;
    }
    C.section(result, {
      id: 'scenario-years', title: t('spScenarioYears'),
      note: fill(t('spScenarioNote'), { n: s.schedule.length, waves: s.waves, npv: value(s.netPresentValueSek, 0) }),
      columns: [t('spYear'), t('spLive'), t('spFamilies'), t('spInterval'), t('spRecruit'), t('spBudget'), t('spAvoided'), t('spNpv')],
      rows: s.years.map(y => [String(y.year) + ' (' + i18n.date(y.from) + ')', String(y.districtsLive), value(y.additionalAcceptingFamilies, 1),
        range(y.additionalAcceptingFamilies, 1), value(y.fteToRecruit, 1), value(y.budgetSek, 0), value(y.avoidedCostsSek, 0),
        value(y.cumulativeNetPresentValueSek, 0)]),
      after: [C.element('ul', { class: 'power' }, s.power.map(p => C.element('li', {
        text: t('sp.m.' + p.metric) + ': ' + (p.power === null || p.power === undefined ? t('spNotKnown') : i18n.percentWhole(p.power))
      })))]
    });
    result.querySelectorAll('table').forEach(table => table.classList.add('wrap-cells'));
  }

  /** Results follow the form: a change waits a moment for the next one, then asks once. */
  function scheduleScenario() {
    clearTimeout(state.timer);
    state.timer = setTimeout(() => runScenario().catch(e => status(e.message)), 700);
  }

  async function download(lang) {
    status(t('spComputing'));
    const response = await call(BASE + '/report?lang=' + lang, { headers: { Accept: 'application/pdf' } });
    const link = C.element('a', { href: URL.createObjectURL(await response.blob()), download: (lang === 'sv' ? 'spridning' : 'spread') + '.pdf' });
    document.body.appendChild(link);
    link.click();
    link.remove();
    status(t('spDownloaded'));
  }

  function render() {
    i18n.apply(document);
    if (state.inv) {
      summary(state.inv);
      sections(state.inv);
      renderScenario();
    }
  }

  async function start() {
    i18n.apply(document);
    $('lang').addEventListener('click', () => { i18n.toggle(); render(); });
    state.session = await json('/dashboard/session');
    $('user').textContent = t('signedInAs') + ' ' + state.session.user;
    $('logout-csrf').name = state.session.csrfParameter;
    $('logout-csrf').value = state.session.csrfToken;
    status(t('spComputing'));
    state.inv = await json(BASE + '?workModel=VALLINGBY_TEAM&horizonYears=5');
    $('synthetic-marker').hidden = !state.inv.synthetic;
    status('');
    scenarioForm(state.inv);
    render();
    $('scenario-form').addEventListener('submit', e => { e.preventDefault(); clearTimeout(state.timer); runScenario().catch(err => status(err.message)); });
    $('scenario-form').addEventListener('change', scheduleScenario);
    $('report-sv').addEventListener('click', () => download('sv').catch(e => status(e.message)));
    $('report-en').addEventListener('click', () => download('en').catch(e => status(e.message)));
    await runScenario();
    document.body.dataset.ready = 'true';
  }

  document.addEventListener('DOMContentLoaded', () => {
    start().catch(e => status(t('failed') + e.message));
  });
})();
