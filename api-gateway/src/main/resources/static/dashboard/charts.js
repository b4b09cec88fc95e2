/*
 * The dashboard's building blocks: figures read from a statistics row with their suppression,
 * sections that hold a chart (ECharts, drawn as SVG) and the same numbers as a table, and the CSV
 * of every table on the page.
 */
(function () {
  'use strict';
  const i18n = window.TidigtI18n;
  const PALETTE = ['#1f5fa8', '#b3261e', '#2e7d32', '#8a5a00', '#6a1b9a', '#00695c', '#c2185b', '#37474f', '#ef6c00', '#283593', '#558b2f'];
  const charts = [];

  /** The value at a dotted path ('acceptanceRate.value'), or undefined. */
  function at(row, path) {
    return path.split('.').reduce((node, key) => (node == null ? undefined : node[key]), row);
  }

  /**
   * One figure: its value, how to show it, and whether it was withheld. A null the answer lists in
   * suppressedFields (or any null in a suppressed row) is 'suppressed', never shown as zero.
   */
  function figure(row, path, kind) {
    const value = row ? at(row, path) : undefined;
    let state = null;
    if (value === null || value === undefined) {
      const listed = row && Array.isArray(row.suppressedFields) && row.suppressedFields.includes(path);
      state = listed || (row && row.suppressed === true && value === null) ? 'suppressed' : 'nodata';
    } else if (smallRate(row, path)) {
      state = 'suppressed';
    }
    return { v: state ? null : value, kind: kind || 'num', state };
  }

  /**
   * A share from a protected answer that rests on too few answers: the protection's noise (a few units
   * on a small count; a real 3 of 4 may read 0 of 5) would move it by ten percentage points or more.
   * Withheld when it rests on fewer than two thresholds' worth of answers (10), or on fewer than four
   * (20) with a yes or no count below the threshold; shown as withheld, never as 0 % or 100 %.
   */
  function smallRate(row, path) {
    const parts = path.split('.');
    if (!row || !row.protection || typeof row.protection !== 'object' || !['value', 'low', 'high'].includes(parts[parts.length - 1])) {
      return false;
    }
    const rate = at(row, parts.slice(0, -1).join('.'));
    if (!rate || typeof rate.numerator !== 'number' || typeof rate.denominator !== 'number') {
      return false;
    }
    const threshold = typeof row.protection.threshold === 'number' ? row.protection.threshold : 5;
    const n = rate.denominator;
    const fewest = Math.min(rate.numerator, n - rate.numerator);
    return n < 2 * threshold || (fewest < threshold && n < 4 * threshold);
  }

  /** A share and its 95 % Wilson interval from counts (for quarters summed from published months). */
  function wilson(yes, n) {
    if (!n) {
      return null;
    }
    const z = 1.959964;
    const p = yes / n;
    const centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    const half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
    return { value: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
  }

  function text(cell) {
    if (cell === null || cell === undefined) {
      return '';
    }
    if (typeof cell !== 'object') {
      return String(cell);
    }
    if (cell.state === 'suppressed') {
      return i18n.t('suppressed');
    }
    if (cell.state === 'nodata' || cell.v === null || cell.v === undefined) {
      return '–';
    }
    switch (cell.kind) {
      case 'pct': return i18n.percent(cell.v);
      case 'pp': return (cell.v > 0 ? '+' : '') + i18n.number(cell.v * 100, 1);
      case 'days': return i18n.number(cell.v, 0);
      case 'years': return i18n.number(cell.v, 1);
      case 'text': return String(cell.v);
      default: return i18n.number(cell.v, 2);
    }
  }

  /** A chart value: the number, or null (a gap the table and the note explain). */
  function plot(cell) {
    return cell && typeof cell === 'object' ? (cell.v === undefined ? null : cell.v) : cell;
  }

  function element(tag, attributes, children) {
    const el = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([k, v]) => {
      if (k === 'text') {
        el.textContent = v;
      } else if (v !== null && v !== undefined) {
        el.setAttribute(k, v);
      }
    });
    (children || []).forEach(child => child && el.appendChild(child));
    return el;
  }

  function table(caption, columns, rows) {
    const head = element('tr', {}, columns.map(c => element('th', { scope: 'col', text: c })));
    const body = rows.map(r => element('tr', {}, r.map((c, i) => {
      const link = c && typeof c === 'object' && c.href;
      const cellEl = element(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : null, text: link ? null : text(c) },
        link ? [element('a', { href: c.href, text: String(c.v) })] : []);
      if (c && typeof c === 'object' && c.state === 'suppressed') {
        cellEl.className = 'suppressed';
        cellEl.title = i18n.t('suppressedNote');
      }
      return cellEl;
    })));
    const tableEl = element('table', {}, [element('caption', { text: caption }), element('thead', {}, [head]),
      element('tbody', {}, body.length ? body : [element('tr', {}, [element('td', { colspan: columns.length, text: i18n.t('noRows') })])])]);
    return tableEl;
  }

  /**
   * A section of the page: heading, note, optional chart, and the numbers as a table (in a
   * disclosure, so the chart's text alternative is one key press away). Returns what the CSV needs.
   */
  function section(parent, spec) {
    const headingId = spec.id + '-title';
    const el = element('section', { class: 'panel', id: spec.id, 'aria-labelledby': headingId });
    el.appendChild(element('h2', { id: headingId, text: spec.title }));
    if (spec.note) {
      el.appendChild(element('p', { class: 'note', text: spec.note }));
    }
    if (spec.ignores) {
      el.appendChild(element('p', { class: 'note ignores', text: spec.ignores }));
    }
    (spec.before || []).forEach(node => el.appendChild(node));
    const suppressedCount = spec.rows.flat().filter(c => c && typeof c === 'object' && c.state === 'suppressed').length;
    if (suppressedCount > 0) {
      el.appendChild(element('p', { class: 'note suppressed-note', text: i18n.t('suppressedNote') + ' (' + suppressedCount + ')' }));
    }
    let chartEl = null;
    if (spec.chart) {
      chartEl = element('div', { class: 'chart', role: 'img', 'aria-label': i18n.t('chartOf') + spec.title, 'data-chart': spec.id });
      el.appendChild(chartEl);
    }
    const details = element('details', { class: spec.chart || spec.folded ? 'numbers' : 'numbers open-table' });
    if (!spec.chart && !spec.folded) {
      details.open = true;
    }
    details.appendChild(element('summary', { text: i18n.t('showTable') }));
    details.appendChild(element('div', { class: 'table-wrap' }, [table(spec.title, spec.columns, spec.rows)]));
    el.appendChild(details);
    (spec.after || []).forEach(node => el.appendChild(node));
    parent.appendChild(el);
    if (chartEl) {
      if (spec.height) {
        chartEl.style.height = spec.height + 'px';
        chartEl.style.minHeight = spec.height + 'px';
      }
      whenSeen(chartEl, () => draw(chartEl, spec.chart));
    }
    return { title: spec.title, columns: spec.columns, rows: spec.rows };
  }

  function draw(chartEl, option) {
    if (!chartEl.isConnected) {
      return;
    }
    const chart = echarts.init(chartEl, null, { renderer: 'svg' });
    chart.setOption(Object.assign({ animation: false, aria: { enabled: true, decal: { show: true } }, color: PALETTE,
      textStyle: { color: '#1b1b1b' } }, narrow(option)));
    charts.push(chart);
  }

  /**
   * A page that keeps ECharts for later (template#echarts-script) draws each chart when it comes near the
   * screen (or its folded section is opened), running ECharts (1 MB) then: the first screen, the answer,
   * is painted without waiting for it or for charts nobody has scrolled to. ECharts is fetched in the
   * background as soon as the page has a chart. A page that loads ECharts itself draws every chart at once.
   */
  const template = document.getElementById('echarts-script');
  const later = template ? template.content.querySelector('script').getAttribute('src') : null;
  const waiting = new Map();
  const observer = later && 'IntersectionObserver' in window ? new IntersectionObserver(entries => entries.forEach(entry => {
    if (entry.isIntersecting && waiting.has(entry.target)) {
      const drawIt = waiting.get(entry.target);
      waiting.delete(entry.target);
      observer.unobserve(entry.target);
      echartsLoaded().then(drawIt);
    }
  }), { rootMargin: '200px 0px' }) : null;
  let loading = null;
  let prefetched = false;

  function whenSeen(chartEl, drawIt) {
    if (later && !prefetched) {
      prefetched = true;
      document.head.appendChild(element('link', { rel: 'prefetch', href: later }));
    }
    if (!observer) {
      if (window.echarts) {
        drawIt();
      } else {
        echartsLoaded().then(drawIt);
      }
      return;
    }
    waiting.set(chartEl, drawIt);
    observer.observe(chartEl);
  }

  function echartsLoaded() {
    if (window.echarts) {
      return Promise.resolve();
    }
    if (!loading) {
      loading = new Promise((resolve, reject) => {
        const script = element('script', { src: later });
        script.addEventListener('load', resolve);
        script.addEventListener('error', () => reject(new Error(later)));
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  /**
   * On a phone every grid keeps its labels inside the chart (containLabel) with small margins, long
   * category labels are cut with an ellipsis at a width that fits, and legends scroll instead of wrapping.
   */
  function narrow(option) {
    if (window.innerWidth > 640) {
      return option;
    }
    const o = Object.assign({}, option);
    const grids = [].concat(o.grid || {});
    o.grid = grids.map(g => Object.assign({}, g, { left: 8, right: 24, containLabel: true }));
    if (o.legend) {
      o.legend = Object.assign({}, o.legend, { type: 'scroll' });
    }
    const axes = key => [].concat(o[key] || []).map(a => (a.type === 'category'
      ? Object.assign({}, a, { axisLabel: Object.assign({}, a.axisLabel, { width: 110, overflow: 'truncate', fontSize: 11 }) })
      : Object.assign({}, a, { nameTextStyle: { fontSize: 11 }, axisLabel: Object.assign({}, a.axisLabel, { fontSize: 11 }) })));
    o.xAxis = o.xAxis && axes('xAxis').map(a => (a.name ? Object.assign({}, a, { nameLocation: 'middle', nameGap: 28 }) : a));
    o.yAxis = o.yAxis && axes('yAxis');
    if (o.xAxis && o.xAxis.some(a => a.name)) {
      o.grid = o.grid.map(g => Object.assign({}, g, { bottom: Math.max(g.bottom || 60, 40) }));
    }
    // A deadline's label sits inside the chart, above its line, not past the right edge.
    o.series = (o.series || []).map(series => (series.markLine && series.markLine.label
      ? Object.assign({}, series, { markLine: Object.assign({}, series.markLine, { label: Object.assign({}, series.markLine.label, { position: 'insideEndTop' }) }) })
      : series));
    return o;
  }

  function disposeAll() {
    while (charts.length) {
      charts.pop().dispose();
    }
    if (observer) {
      waiting.forEach((drawIt, chartEl) => observer.unobserve(chartEl));
    }
    waiting.clear();
  }

  window.addEventListener('resize', () => charts.forEach(c => c.resize()));

  function csvValue(cell) {
    const value = cell && typeof cell === 'object' ? (cell.state ? text(cell) : (cell.v === null ? '' : String(cell.v))) : text(cell);
    return /[",\n;]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
  }

  /** Every table of the view, one block per section, as CSV (values unformatted, suppressed cells named). */
  function csv(sections, heading) {
    const lines = ['# ' + i18n.t('synthetic'), '# ' + heading];
    sections.forEach(s => {
      lines.push('', '# ' + s.title, s.columns.map(csvValue).join(','));
      s.rows.forEach(r => lines.push(r.map(csvValue).join(',')));
    });
    return lines.join('\n') + '\n';
  }

  window.TidigtCharts = { wilson, smallRate, at, figure, text, plot, element, section, disposeAll, csv, PALETTE };
})();
