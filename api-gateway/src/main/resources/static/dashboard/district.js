/*
 * The district's pages to work in, drawn from the API with the page's session: the worklist (deadlines,
 * overdue first), pending proposals for supervisors, the caseload and the cases with search by identity
 * number (in a POST body, never in an address); one case with what is due, its offers, its timeline and a
 * form for each step its lifecycle allows now; a new concern. Every write sends the CSRF token, an
 * Idempotency-Key (kept until the write succeeds, so a retry stores nothing twice) and, on a case,
 * If-Match with the version the page shows; a refusal shows the problem detail's own words.
 */
(function () {
  'use strict';
  const i18n = window.TidigtI18n;
  const t = i18n.t;
  const $ = id => document.getElementById(id);
  const state = { session: null, districts: [], page: 0, caseId: null, version: null, data: null, draw: null, rendered: 0 };

  const REPORTERS = ['PRESCHOOL', 'SCHOOL', 'POLICE', 'HEALTHCARE', 'SOCIAL_SERVICES', 'FAMILY', 'OTHER'];
  const CONCERNS = ['SUBSTANCE_USE_RISK', 'CRIME_RISK', 'VIOLENCE', 'NEGLECT', 'MENTAL_HEALTH', 'SCHOOL_ABSENCE', 'OTHER'];
  const INTERVENTIONS = ['FAMILY_TREATMENT', 'PARENTING_SUPPORT', 'STRUCTURED_COUNSELLING', 'YOUTH_SUPPORT_PROGRAMME', 'CONTACT_PERSON',
    'CONTACT_FAMILY', 'OTHER_OPEN', 'FOSTER_CARE', 'RESIDENTIAL_CARE'];

  // ------------------------------------------------------------ the API

  function element(tag, attributes, children) {
    const el = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([k, v]) => {
      if (k === 'text') {
        el.textContent = v;
      } else if (v !== null && v !== undefined && v !== false) {
        el.setAttribute(k, v === true ? '' : v);
      }
    });
    (children || []).forEach(child => child && el.appendChild(child));
    return el;
  }

  /** A fresh Idempotency-Key: random, never derived from what the form holds. */
  function newKey() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
  }

  async function call(method, path, body, headers) {
    const sent = Object.assign({ Accept: 'application/json' }, headers || {});
    if (body !== undefined) {
      sent['Content-Type'] = 'application/json';
    }
    if (method !== 'GET') {
      sent[state.session.csrfHeader] = state.session.csrfToken;
    }
    const response = await fetch(path, { method, credentials: 'same-origin', headers: sent, body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status === 401) {
      window.location.assign('/login');
      throw new Error(t('sessionExpired'));
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      json = null;
    }
    if (!response.ok) {
      const error = new Error(json && json.detail ? json.detail : t('failed') + response.status);
      error.status = response.status;
      error.problem = json;
      throw error;
    }
    return { status: response.status, json };
  }

  const get = async path => (await call('GET', path)).json;
  const districtPath = suffix => '/api/v1/districts/' + encodeURIComponent(state.session.district) + suffix;
  const casePath = (caseId, suffix) => '/api/v1/cases/' + encodeURIComponent(caseId) + (suffix || '');

  function status(text, kind) {
    const el = $('status');
    el.textContent = text || '';
    el.className = kind || '';
  }

  // ------------------------------------------------------------ words for codes

  /** The words for a key, or null when the tables have none (never the raw key). */
  function words(key) {
    const text = t(key);
    return text === key ? null : text;
  }

  /** A code's words: the district pages' value table first, then the dashboard's. */
  function value(code) {
    return words('v.' + code) || words(code) || String(code);
  }

  function when(instant) {
    return instant ? new Intl.DateTimeFormat(i18n.lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short',
      timeZone: 'Europe/Stockholm' }).format(new Date(instant)) : '–';
  }

  function districtName(code) {
    return (state.districts.find(d => d.code === code) || { name: code }).name;
  }

  function roleName(role) {
    return role ? (words('role' + role) || role.toLowerCase().replace(/_/g, ' ')) : '–';
  }

  function eventName(type) {
    return words('ev' + type) || type.replace(/([a-z])([A-Z])/g, '$1 $2');
  }

  const shortId = id => String(id).slice(0, 8);

  function caseLink(caseId) {
    return element('a', { href: '/district/cases/' + encodeURIComponent(caseId), class: 'case-link', title: caseId,
      'aria-label': t('caseLink').replace('{id}', shortId(caseId)), text: shortId(caseId) });
  }

  /** A table; a cell is text or an element (a link). */
  function table(caption, columns, rows) {
    const head = element('tr', {}, columns.map(c => element('th', { scope: 'col', text: c })));
    const body = rows.map(r => element('tr', { class: r.className }, r.cells.map((c, i) => {
      const cell = element(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : null });
      if (c instanceof Node) {
        cell.appendChild(c);
      } else {
        cell.textContent = c === null || c === undefined ? '–' : String(c);
      }
      return cell;
    })));
    return element('table', {}, [element('caption', { class: 'sr-only', text: caption }), element('thead', {}, [head]),
      element('tbody', {}, body.length ? body : [element('tr', {}, [element('td', { colspan: String(columns.length), text: t('noRows') })])])]);
  }

  function dueWords(dueDate) {
    const today = new Date(new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }) + 'T00:00:00Z');
    const days = Math.round((new Date(dueDate + 'T00:00:00Z') - today) / 86400000);
    if (days < 0) {
      return { overdue: true, text: t('daysOverdue').replace('{n}', String(-days)) };
    }
    return { overdue: false, text: days === 0 ? t('dueToday') : t('daysToGo').replace('{n}', String(days)) };
  }

  // ------------------------------------------------------------ the worklist page

  async function worklistPage() {
    const [deadlines, load] = await Promise.all([get(districtPath('/deadlines')), get(districtPath('/caseload'))]);
    state.data = { deadlines, load, cases: await get(districtPath('/cases?size=20&page=' + state.page)), proposals: await proposals() };
    state.draw = drawWorklistPage;
    drawWorklistPage();
  }

  function drawWorklistPage() {
    const { deadlines, load, cases } = state.data;
    const sorted = [...deadlines].sort((a, b) => (b.overdue - a.overdue) || String(a.dueDate).localeCompare(String(b.dueDate)));
    $('worklist-table').replaceChildren(table(t('dueWorklist'), [t('caseId'), t('nextDue'), t('dueDate'), t('daysLeft')],
      sorted.map(d => {
        const due = dueWords(d.dueDate);
        return { className: due.overdue ? 'overdue' : null, cells: [caseLink(d.caseId), value(d.nextDue), i18n.date(d.dueDate), due.text] };
      })));
    drawProposals();
    drawCaseload(load);
    drawCases(cases);
  }

  function ratio(figure) {
    return figure && figure.value !== null && figure.value !== undefined ? i18n.number(figure.value, 1) : '–';
  }

  function drawCaseload(load) {
    const now = load.months[load.months.length - 1];
    const card = (label, main, detail) => element('li', {}, [element('span', { class: 'kpi-label', text: label }),
      element('strong', { text: main }), element('span', { class: 'kpi-detail', text: detail })]);
    $('caseload-now').replaceChildren(
      card(t('openCases') + ', ' + t('caseloadNow').toLowerCase(), i18n.number(now.openCases, 0), t('workersCol') + ': ' + i18n.number(now.workers, 0)),
      card(t('perWorker'), ratio(now.openCasesPerWorker), t('nOf').replace('{n}', i18n.number(now.openCasesPerWorker.n, 0))),
      card(t('perFilledFte'), ratio(now.openCasesPerFilledFte), t('nOf').replace('{n}', i18n.number(now.openCasesPerFilledFte.n, 0))
        + (now.filledFte == null ? '' : ', ' + t('filledFte').toLowerCase() + ' ' + i18n.number(now.filledFte, 1))));
    $('caseload-table').replaceChildren(table(t('caseloadTitle'), [t('month'), t('openCases'), t('workersCol'), t('perWorker'),
      t('workModelInForce'), t('casesOfModel'), t('filledFte'), t('perFilledFte')], load.months.map(m => ({ cells: [
      i18n.month(m.month), i18n.number(m.openCases, 0), i18n.number(m.workers, 0), ratio(m.openCasesPerWorker), value(m.workModelInForce),
      i18n.number(m.openCasesOfModel, 0), m.filledFte == null ? '–' : i18n.number(m.filledFte, 1), ratio(m.openCasesPerFilledFte)] }))));
  }

  function drawCases(page) {
    $('case-table').replaceChildren(table(t('casesTitle'), [t('caseId'), t('receivedAt'), t('status'), t('workModel'), t('reporter'), t('concern')],
      page.cases.map(c => ({ cells: [caseLink(c.caseId), i18n.date(c.receivedAt), value(c.status), value(c.workModel), value(c.reporter),
        (c.concerns || []).map(value).join(', ')] }))));
    const pages = Math.max(1, Math.ceil(page.total / page.size));
    const previous = element('button', { type: 'button', id: 'cases-previous', text: t('previous'), disabled: page.page <= 0 });
    const next = element('button', { type: 'button', id: 'cases-next', text: t('next'), disabled: page.page + 1 >= pages });
    previous.addEventListener('click', () => turn(page.page - 1));
    next.addEventListener('click', () => turn(page.page + 1));
    $('case-pager').replaceChildren(previous, element('span', { text: t('page') + ' ' + (page.page + 1) + ' / ' + pages + ' (' + page.total + ')' }), next);
  }

  async function turn(page) {
    state.page = page;
    state.data.cases = await get(districtPath('/cases?size=20&page=' + page));
    drawCases(state.data.cases);
    rendered();
  }

  async function search() {
    const found = await call('POST', districtPath('/cases/search'), { personalIdentityNumber: $('pin').value.trim() });
    const list = $('search-results');
    list.replaceChildren(...(found.json.length ? found.json.map(c => element('li', {}, [caseLink(c.caseId),
      document.createTextNode(' – ' + i18n.date(c.receivedAt) + ', ' + value(c.status))])) : [element('li', { text: t('searchNone') })]));
  }

  /** Supervisors and admins decide proposals under the district's delegation; a worker proposes. */
  const decides = () => ['DISTRICT_SUPERVISOR', 'DISTRICT_ADMIN'].includes(state.session.role);

  /** The pending proposals, oldest first, for those who decide them. */
  async function proposals() {
    return decides() ? get(districtPath('/proposals?status=PENDING')) : [];
  }

  /** What a proposed command asks for, in words: its kind and what it names (an intervention, a reason, a district, a date). */
  function proposalWhat(proposal) {
    const command = Object.values(proposal.decision || {}).find(c => c) || {};
    const named = command.interventionType ? value(command.interventionType) : command.toDistrict ? districtName(command.toDistrict)
      : command.newDueDate ? i18n.date(command.newDueDate) : command.reason ? value(command.reason) : null;
    return value(proposal.kind) + (named ? ' (' + named + ')' : '');
  }

  function drawProposals() {
    $('proposals').hidden = !decides();
    $('proposal-list').replaceChildren(...(state.data.proposals.length ? state.data.proposals.map(proposalItem)
      : [element('li', { text: t('noProposals') })]));
  }

  function proposalItem(item) {
    const p = item.proposal;
    const id = 'proposal-' + p.proposalId;
    const due = item.due ? dueWords(item.due.dueDate) : null;
    const reason = element('input', { id: id + '-reason', type: 'text', autocomplete: 'off' });
    const result = element('p', { class: 'step-result', role: 'alert' });
    const decide = approved => () => decideProposal(item, approved, reason.value.trim(), result);
    const approve = element('button', { type: 'button', class: 'primary approve', text: t('approve') });
    const reject = element('button', { type: 'button', class: 'reject', text: t('reject') });
    approve.addEventListener('click', decide(true));
    reject.addEventListener('click', decide(false));
    return element('li', { id, 'data-case': item.caseId }, [
      element('h3', {}, [caseLink(item.caseId), document.createTextNode(' – ' + proposalWhat(p))]),
      element('p', { text: t('proposedBy') + ' ' + p.proposedBy + ', ' + when(p.proposedAt) + '. '
        + t('waitingDays').replace('{n}', i18n.number(item.daysWaiting, 0)) }),
      item.due ? element('p', { class: due.overdue ? 'overdue' : null, text: value(item.due.kind) + ': ' + i18n.date(item.due.dueDate) + ' (' + due.text + ')' }) : null,
      element('div', { class: 'filter-row' }, [element('label', { for: reason.id, text: t('reasonLabel') }), reason, approve, reject]), result]);
  }

  async function decideProposal(item, approved, reason, result) {
    const key = 'decision-' + item.proposal.proposalId + '-' + approved;
    keys[key] = keys[key] || newKey();
    result.textContent = '';
    try {
      await call('POST', casePath(item.caseId, '/proposals/' + encodeURIComponent(item.proposal.proposalId) + '/decision'),
        { approved, reason: reason || null }, { 'Idempotency-Key': keys[key] });
      delete keys[key];
      await worklistPage();
      status(t('decided'), 'saved');
      $('status').focus();
    } catch (err) {
      result.textContent = t('refused') + ' ' + err.message;
      status(t('refused') + ' ' + err.message, 'refusal');
    }
    rendered();
  }

  // ------------------------------------------------------------ a new concern

  function newConcernPage() {
    state.draw = drawNewConcern;
    drawNewConcern();
    $('receivedAt').value = localNow();
    $('raise').dataset.key = newKey();
    $('raise').addEventListener('submit', e => {
      e.preventDefault();
      raise().catch(err => status(t('refused') + ' ' + err.message, 'refusal'));
    });
  }

  function drawNewConcern() {
    const chosen = $('reporter').value;
    $('reporter').replaceChildren(element('option', { value: '', text: t('choose') }),
      ...REPORTERS.map(code => element('option', { value: code, text: value(code) })));
    $('reporter').value = chosen;
    const ticked = new Set([...document.querySelectorAll('#concerns input:checked')].map(i => i.value));
    $('concerns').replaceChildren(element('legend', { text: t('concernsLegend') }), ...CONCERNS.map(code => element('label', { class: 'check' }, [
      element('input', { type: 'checkbox', name: 'concerns', value: code, checked: ticked.has(code) }), document.createTextNode(' ' + value(code))])));
  }

  async function raise() {
    const form = $('raise');
    const body = { receivedAt: instant($('receivedAt').value), reporter: $('reporter').value,
      concerns: [...document.querySelectorAll('#concerns input:checked')].map(i => i.value),
      child: { personalIdentityNumber: $('child-pin').value.trim() } };
    const answer = await call('POST', districtPath('/cases'), body, { 'Idempotency-Key': form.dataset.key });
    window.location.assign('/district/cases/' + encodeURIComponent(answer.json.caseId));
  }

  // ------------------------------------------------------------ one case

  /** A minute ago, as a datetime-local value: business time may not lie in the future. */
  function localNow() {
    const d = new Date(Date.now() - 60000);
    return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  }

  const instant = local => (local ? new Date(local).toISOString() : null);

  const at = name => ({ name, kind: 'at' });
  const choice = (name, codes, when) => ({ name, kind: 'choice', codes, when });
  const STEPS = {
    PROTECTION_ASSESSMENT: { path: '/protection-assessment', fields: [at('assessedAt'), { name: 'immediateProtectionNeeded', kind: 'yesNo' }] },
    INITIAL_ASSESSMENT: { path: '/initial-assessment', fields: [at('completedAt'), choice('decision', ['OPEN_INVESTIGATION', 'EARLY_SUPPORT', 'NO_ACTION'])] },
    OPEN_INVESTIGATION: { path: '/investigation', fields: [at('openedAt')] },
    EXTEND_INVESTIGATION: { path: '/investigation/extension', fields: [{ name: 'newDueDate', kind: 'date' }, { name: 'reason', kind: 'text' }] },
    CONCLUDE_INVESTIGATION: { path: '/investigation/conclusion', fields: [at('concludedAt'), choice('outcome', ['INTERVENTION_NEEDED', 'NO_INTERVENTION_NEEDED'])] },
    OFFER_INTERVENTION: { path: '/offers', fields: [at('offeredAt'), choice('interventionType', INTERVENTIONS)] },
    RECORD_RESPONSE: { path: offer => '/offers/' + encodeURIComponent(offer) + '/response', fields: [at('respondedAt'), { name: 'accepted', kind: 'yesNo' },
      choice('consentBy', ['GUARDIANS', 'CHILD'], ['accepted', 'true']),
      choice('declineReason', ['NOT_NEEDED', 'NOT_WANTED', 'OTHER_SUPPORT_CHOSEN', 'PRACTICAL_OBSTACLES', 'OTHER'], ['accepted', 'false'])] },
    START_INTERVENTION: { path: '/interventions', withOffer: true, fields: [at('startedAt')] },
    END_INTERVENTION: { path: offer => '/interventions/' + encodeURIComponent(offer) + '/end',
      fields: [at('endedAt'), choice('outcome', ['GOALS_MET', 'GOALS_PARTLY_MET', 'GOALS_NOT_MET', 'DISCONTINUED'])] },
    ASSIGN_WORKER: { path: '/workers', fields: [{ name: 'workerId', kind: 'text' },
      choice('function', ['INTAKE', 'INVESTIGATION', 'INTERVENTION', 'FOLLOW_UP', 'COORDINATION']), at('assignedAt')] },
    RECORD_COLLABORATION: { path: '/collaborations', fields: [choice('partner', ['PRESCHOOL', 'SCHOOL', 'POLICE', 'HEALTHCARE', 'OTHER']),
      choice('kind', ['MEETING', 'CONSULTATION', 'JOINT_VISIT', 'INFORMATION_SHARING', 'OTHER']), at('occurredAt')] },
    TRANSFER_CASE: { path: '/transfer', fields: [{ name: 'toDistrict', kind: 'district' }, at('transferredAt')] },
    CLOSE_CASE: { path: '/closure', fields: [at('closedAt'), choice('reason', ['NO_ACTION_NEEDED', 'SUPPORT_COMPLETED', 'FAMILY_DECLINED', 'MOVED_AWAY', 'OTHER'])] }
  };
  /** Idempotency-Keys of forms not yet answered with success, so that a retry after a lost answer stores nothing twice. */
  const keys = {};

  async function casePage() {
    state.caseId = decodeURIComponent(window.location.pathname.split('/').pop());
    state.draw = drawCase;
    await loadCase();
  }

  async function loadCase() {
    const [view, next, timeline] = await Promise.all([get(casePath(state.caseId)), get(casePath(state.caseId, '/next-steps')),
      get(casePath(state.caseId, '/timeline'))]);
    state.version = next.version;
    state.data = { view, next, timeline };
    drawCase();
  }

  function drawCase() {
    const { view, next, timeline } = state.data;
    $('case-title').textContent = t('openCaseTitle') + ' ' + view.caseId;
    const facts = [[t('status'), value(view.status)], [t('district'), districtName(view.district)], [t('workModel'), value(view.workModel)],
      [t('receivedAt'), when(view.receivedAt)], [t('reporter'), value(view.reporter)], [t('concern'), (view.concerns || []).map(value).join(', ')]];
    $('case-facts').replaceChildren(...facts.flatMap(([k, v]) => [element('dt', { text: k }), element('dd', { text: v })]));
    const pending = (view.proposals || []).filter(p => p.status === 'PENDING');
    $('pending').hidden = !pending.length;
    $('pending').textContent = pending.length ? t('pendingProposal') + ': ' + pending.map(p => proposalWhat(p) + ', ' + t('proposedBy').toLowerCase()
      + ' ' + p.proposedBy + ' ' + when(p.proposedAt)).join('; ') + '.' : '';
    $('due-list').replaceChildren(...(next.due.length ? next.due.map(d => {
      const due = dueWords(d.dueDate);
      return element('li', { class: due.overdue ? 'overdue' : null, text: value(d.kind) + ': ' + i18n.date(d.dueDate) + ' (' + due.text + ')' });
    }) : [element('li', { text: t('noneDue') })]));
    drawSteps(next.steps, view);
    drawOffers(view);
    drawTimeline(timeline);
  }

  function drawSteps(steps, view) {
    const holder = $('steps');
    const open = [...holder.querySelectorAll('details[open]')].map(d => d.id);
    holder.replaceChildren(...(steps.length ? steps.map(step => stepForm(step, view, open)) : [element('p', { text: t('noSteps') })]));
  }

  function stepForm(step, view, open) {
    const spec = STEPS[step.step];
    const id = 'step-' + step.step + (step.offerId ? '-' + step.offerId : '');
    const offer = step.offerId ? ((view.progress && view.progress.offers) || []).find(o => o.offerId === step.offerId) : null;
    const title = t('step.' + step.step) + (offer ? ' – ' + value(offer.interventionType) : '');
    const form = element('form', { class: 'step-form', 'data-step': step.step });
    spec.fields.forEach(field => form.appendChild(input(id, field)));
    const result = element('p', { class: 'step-result', role: 'alert' });
    form.append(element('div', {}, [element('button', { type: 'submit', class: 'primary', text: t('send') })]), result);
    form.addEventListener('change', () => toggleConditional(form, spec));
    toggleConditional(form, spec);
    form.addEventListener('submit', e => {
      e.preventDefault();
      result.textContent = '';
      submitStep(id, step, spec, form).catch(async err => {
        const text = t('refused') + ' ' + err.message;
        if (err.status === 412) {
          // The case changed meanwhile: show it as it is now, with the refusal beside the step.
          await loadCase().catch(() => null);
        }
        const shown = document.getElementById(id);
        (shown ? shown.querySelector('.step-result') : result).textContent = text;
        status(text, 'refusal');
      }).finally(rendered);
    });
    return element('details', { class: 'step', id, open: open.includes(id) }, [element('summary', { text: title }), form]);
  }

  function input(formId, field) {
    const id = formId + '-' + field.name;
    const label = t('f.' + field.name) === 'f.' + field.name ? t('atLabel') : t('f.' + field.name);
    let control;
    if (field.kind === 'yesNo') {
      return element('fieldset', { class: 'yes-no', 'data-field': field.name }, [element('legend', { text: label }),
        ...[['true', t('yesLabel')], ['false', t('noLabel')]].map(([v, text]) => element('label', { class: 'check' }, [
          element('input', { type: 'radio', name: field.name, value: v, id: id + '-' + v, required: true }), document.createTextNode(' ' + text)]))]);
    }
    if (field.kind === 'choice' || field.kind === 'district') {
      const options = field.kind === 'district'
        ? state.districts.filter(d => d.code !== state.session.district && !d.validTo).map(d => [d.code, d.name])
        : field.codes.map(code => [code, value(code)]);
      control = element('select', { id, name: field.name, required: !field.when }, [element('option', { value: '', text: t('choose') }),
        ...options.map(([v, text]) => element('option', { value: v, text }))]);
    } else {
      const type = field.kind === 'at' ? 'datetime-local' : field.kind === 'date' ? 'date' : 'text';
      control = element('input', { id, name: field.name, type, required: true, autocomplete: 'off' });
      if (field.kind === 'at') {
        control.value = localNow();
      }
    }
    return element('div', { class: 'field', 'data-field': field.name }, [element('label', { for: id, text: label }), control]);
  }

  /** A field that belongs to one answer only (consent to a yes, a reason to a no) shows with that answer. */
  function toggleConditional(form, spec) {
    spec.fields.filter(f => f.when).forEach(field => {
      const chosen = form.querySelector('input[name="' + field.when[0] + '"]:checked');
      const wrapper = form.querySelector('[data-field="' + field.name + '"]');
      wrapper.hidden = !chosen || chosen.value !== field.when[1];
      wrapper.querySelector('select').required = !wrapper.hidden;
    });
  }

  function bodyOf(spec, form, step) {
    const body = step.offerId && spec.withOffer ? { offerId: step.offerId } : {};
    spec.fields.forEach(field => {
      const wrapper = form.querySelector('[data-field="' + field.name + '"]');
      if (wrapper.hidden) {
        return;
      }
      if (field.kind === 'yesNo') {
        const chosen = form.querySelector('input[name="' + field.name + '"]:checked');
        body[field.name] = chosen ? chosen.value === 'true' : null;
      } else {
        const raw = wrapper.querySelector('input, select').value.trim();
        body[field.name] = field.kind === 'at' ? instant(raw) : (raw === '' ? null : raw);
      }
    });
    return body;
  }

  async function submitStep(id, step, spec, form) {
    keys[id] = keys[id] || newKey();
    const path = typeof spec.path === 'function' ? spec.path(step.offerId) : spec.path;
    const answer = await call('POST', casePath(state.caseId, path), bodyOf(spec, form, step),
      { 'Idempotency-Key': keys[id], 'If-Match': '"' + state.version + '"' });
    delete keys[id];
    form.closest('details').open = false;
    await loadCase();
    status((answer.status === 202 ? t('proposed') : t('saved')).replace('{step}', t('step.' + step.step)), 'saved');
    $('status').focus();
  }

  function drawOffers(view) {
    const offers = (view.progress && view.progress.offers) || [];
    $('offer-table').replaceChildren(table(t('offersTitle'), [t('offeredAtCol'), t('interventionCol'), t('answerCol'), t('startedCol'), t('endedCol')],
      offers.map(o => ({ cells: [when(o.offeredAt), value(o.interventionType),
        o.answer ? value(o.answer) + ' (' + when(o.respondedAt) + (o.consentBy ? ', ' + value(o.consentBy) : '')
          + (o.declineReason ? ', ' + value(o.declineReason) : '') + ')' : t('noAnswerYet'),
        when(o.startedAt), o.endedAt ? when(o.endedAt) + ', ' + value(o.endOutcome) : '–'] }))));
  }

  function detailText(field, v) {
    if (Array.isArray(v)) {
      return v.map(x => detailText(field, x)).join(', ');
    }
    if (typeof v === 'boolean') {
      return t('v.' + v);
    }
    if (field === 'toDistrict') {
      return districtName(v);
    }
    if (field === 'offerId') {
      return shortId(v);
    }
    if (typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v)) {
      return i18n.date(v);
    }
    return typeof v === 'string' && /^[A-Z][A-Z_]+$/.test(v) ? value(v) : String(v);
  }

  function drawTimeline(timeline) {
    $('timeline').replaceChildren(...timeline.events.map(e => {
      // A proposal's command names its kind already: "kind" beside it would say it twice.
      const proposed = e.details && e.details.decision && typeof e.details.decision === 'object';
      const details = Object.entries(e.details || {}).filter(([k, v]) => words('f.' + k) && v !== null && !(proposed && k === 'kind'))
        .flatMap(([k, v]) => [element('dt', { text: t('f.' + k) }),
          element('dd', { text: typeof v === 'object' && !Array.isArray(v) ? proposalWhat({ kind: e.details.kind, decision: v }) : detailText(k, v) })]);
      return element('li', { class: 'event', 'data-type': e.type }, [element('h3', { text: eventName(e.type) }),
        element('p', { class: 'actor', text: when(e.occurredAt) + ', ' + t('by') + ' ' + (e.actor.user || '–') + ' (' + roleName(e.actor.role) + ')' }),
        details.length ? element('dl', { class: 'facts' }, details) : null]);
    }));
  }

  // ------------------------------------------------------------ start

  function rendered() {
    state.rendered += 1;
    document.body.dataset.rendered = String(state.rendered);
    document.body.dataset.ready = 'true';
  }

  function on(id, event, action) {
    $(id).addEventListener(event, e => {
      e.preventDefault();
      status('');
      action().then(rendered).catch(err => status(err.message, 'refusal'));
    });
  }

  async function start() {
    i18n.apply(document);
    state.session = await get('/dashboard/session');
    $('user').textContent = t('signedInAs') + ' ' + state.session.user + ' (' + roleName(state.session.role) + ')';
    $('logout-csrf').name = state.session.csrfParameter;
    $('logout-csrf').value = state.session.csrfToken;
    state.districts = await get('/api/v1/districts');
    $('lang').addEventListener('click', () => {
      i18n.toggle();
      status('');
      $('user').textContent = t('signedInAs') + ' ' + state.session.user + ' (' + roleName(state.session.role) + ')';
      if (state.draw) {
        state.draw();
      }
      rendered();
    });
    const page = document.body.dataset.page;
    const here = $({ worklist: 'nav-worklist', new: 'nav-new' }[page]);
    if (here) {
      here.setAttribute('aria-current', 'page');
    }
    if (page === 'worklist') {
      on('search', 'submit', search);
      await worklistPage();
    } else if (page === 'new') {
      newConcernPage();
    } else {
      try {
        await casePage();
      } catch (e) {
        throw e.status === 404 ? new Error(t('caseNotFound')) : e;
      }
    }
    rendered();
  }

  document.addEventListener('DOMContentLoaded', () => {
    start().catch(e => { status(e.message, 'refusal'); document.body.dataset.ready = 'true'; });
  });
})();
