// Wires the org-chart page: the chart, the side panel, search, pattern filter, units, a past day
// (asOf), scenarios, export.

import { el } from './dom.js';
import { exportPng, exportSvg } from './export.js';
import { gql, onBusyChange } from './graphql.js';
import { OrgChartView } from './graph.js';
import { DetailsPanel } from './panel.js';
import { ANCESTORS, COMPARE_DAYS, COMPLIANCE, PATTERN_INSTANCES, ROOT_INFO, SCENARIOS } from './queries.js';
import { ScenarioView } from './scenario.js';
import { renderScenarioBar, renderScenarioOrg, renderScenarioSummary } from './scenario-panel.js';
import { SearchBox } from './search.js';
import { applyTexts, t } from './i18n.js';
import { AWAY_COLOR, CO_MANAGED_COLOR, DISPATCH_COLOR, ISSUE_COLOR, kindInfo, markName, ORG_KINDS, PATTERNS, SCENARIO_MARKS, WILL_CHANGE_COLOR } from './style.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const DEFAULT_ROOT = 'o-county';
const DEFAULT_DEPTH = 3;
const LEGEND_KEY = 'party-graph.chart.legend';

applyTexts();

const view = new OrgChartView($('chart'));
window.chart = view.cy; // on purpose: the browser tests read the drawing from here
const scenarioView = new ScenarioView(view);
let rootInfo = null;

function setState(state) {
  document.documentElement.dataset.chartState = state;
}

function showError(ex) {
  const message = ex && ex.message ? ex.message : String(ex);
  $('error-text').textContent = message;
  $('error').hidden = false;
}

function hideError() {
  $('error').hidden = true;
}

onBusyChange((busy) => {
  $('loading').hidden = !busy;
  document.body.classList.toggle('busy', busy);
});

const panel = new DetailsPanel($('panel-body'), {
  onNavigate: (id) => reveal(id).catch(showError),
  onReroot: (id) => loadRoot(id, view.depth).catch(showError),
  onToggle: (id) => toggle(id),
  onError: showError,
  chartIssues: () => chartIssues,
  root: () => view.root,
  asOf: () => view.asOf,
});
let chartIssues = [];

async function selectOrg(id) {
  hideError();
  if (scenarioView.side === 'after') {
    showScenarioOrg(id);
    return;
  }
  try {
    if (view.asOf) {
      await panel.showPast(id, view.cy.getElementById(id).data(), view.asOf);
    }
    else {
      await panel.show(id);
    }
  }
  catch (ex) {
    showError(ex);
  }
}

async function toggle(id) {
  hideError();
  try {
    await view.toggle(id);
    await applyPattern();
  }
  catch (ex) {
    showError(ex);
  }
}

/** Draws the chart from root, depth levels down, with its rule breaks. */
async function loadRoot(root, depth) {
  hideError();
  setState('loading');
  leaveScenario();
  try {
    const [info] = await Promise.all([gql(ROOT_INFO, { root, asOf: view.asOf }), view.load(root, depth)]);
    if (!info.org) {
      throw new Error(`No org has the id "${root}". Try ?root=${DEFAULT_ROOT}.`);
    }
    rootInfo = info.org;
    chartIssues = info.complianceIssues;
    view.setIssues(chartIssues);
    renderRoot(info.complianceIssues.length);
    panel.clear();
    await applyPattern();
    updateUrl({ root, depth: depth !== DEFAULT_DEPTH ? depth : null, asOf: view.asOf });
    setState('ready');
  }
  catch (ex) {
    setState('error');
    throw ex;
  }
}

/** Keeps the view in the address bar: each key set to its value, or taken out when null. */
function updateUrl(values) {
  const url = new URL(location.href);
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined) {
      url.searchParams.delete(key);
    }
    else {
      url.searchParams.set(key, value);
    }
  }
  history.replaceState(null, '', `${url.pathname}${url.search}`);
}

function renderRoot(issueCount) {
  const kind = kindInfo(rootInfo.kind);
  $('root-name').replaceChildren(
    el('span', { class: 'swatch', style: { background: kind.color } }),
    rootInfo.name,
    el('small', {}, ` ${t('chart.rootSummary', view.cy.nodes('[type="org"]').length, issueCount)}`
      + (view.asOf ? ` · ${t('chart.rootAsOf', view.asOf)}` : '')));
  $('up').disabled = !rootInfo.parent;
  $('up').title = rootInfo.parent ? t('chart.upTo', rootInfo.parent.name) : t('chart.top');
}

/** Loads what it takes to draw the org (its ancestors' children), then selects and centres it. */
async function reveal(id) {
  hideError();
  if (view.cy.getElementById(id).empty() && scenarioView.side === 'after') {
    throw new Error(t('chart.notInAfter', id));
  }
  if (view.cy.getElementById(id).empty()) {
    const data = await gql(ANCESTORS, { id });
    if (!data.org) {
      throw new Error(`No org has the id "${id}".`);
    }
    const path = data.org.ancestors.map((a) => a.id).reverse(); // root-most first
    let start = path.indexOf(view.root);
    if (start < 0 && id !== view.root) {
      await loadRoot(path.length ? path[0] : id, view.depth);
      start = 0;
    }
    for (const ancestor of path.slice(Math.max(0, start))) {
      const node = view.cy.getElementById(ancestor);
      if (node.nonempty() && view.cy.getElementById(id).empty() && node.data('hidden') > 0) {
        await view.expand(ancestor);
      }
    }
    await applyPattern();
  }
  if (view.focus(id)) {
    await selectOrg(id);
  }
  else {
    throw new Error(`"${id}" is not in the chart from ${view.root}.`);
  }
}

/** Highlights the chosen pattern's instances; with pan, also brings them all into view. */
async function applyPattern({ pan = false } = {}) {
  const pattern = $('pattern').value;
  const info = $('pattern-info');
  if (!pattern || view.asOf) { // pattern instances are today's: not drawn on a past day
    view.highlight(null);
    info.textContent = '';
    delete info.dataset.instances;
    return;
  }
  const data = await gql(PATTERN_INSTANCES, { pattern, within: view.root });
  const ids = [...new Set(data.patternInstances.map((i) => i.orgId))];
  const drawn = view.highlight(ids);
  info.dataset.instances = String(data.patternInstances.length);
  info.dataset.drawn = String(drawn);
  info.textContent = t('chart.patternInstances', data.patternInstances.length)
    + (drawn < ids.length ? `, ${t('chart.patternDrawn', drawn)}` : '');
  if (pan && drawn > 0) {
    view.show(view.cy.nodes('.pattern-hit'));
  }
}

// --- a past day

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The bar over a past chart: which day, that it cannot be changed, and the way back. */
function renderAsOf() {
  const past = Boolean(view.asOf);
  const bar = $('as-of-bar');
  $('as-of').value = view.asOf || '';
  $('as-of-today').hidden = !past;
  $('pattern').disabled = past;
  $('pattern').title = past ? t('chart.patternsToday') : '';
  $('scenario').disabled = past || $('scenario').options.length < 2;
  if (past) {
    document.documentElement.dataset.asOf = view.asOf;
    bar.replaceChildren(
      el('strong', {}, t('chart.pastHeading', view.asOf)), ' ',
      el('small', {}, t('chart.pastNote', view.asOf)),
      el('button', { type: 'button', class: 'small', id: 'changes-since',
        onclick: () => openSince(view.asOf, $('changes-until').value || null).catch(showError) },
      t('chart.changesSince')),
      el('label', { class: 'field', title: t('chart.untilTitle') }, t('chart.until'), ' ',
        el('input', { type: 'date', id: 'changes-until', min: nextDay(view.asOf), max: today(), value: view.until || today() })),
      el('button', { type: 'button', class: 'small', onclick: () => setAsOf(null).catch(showError) }, t('chart.backToToday')));
  }
  else {
    delete document.documentElement.dataset.asOf;
    bar.replaceChildren();
  }
  bar.hidden = !past;
}

/** Draws the chart's root as it stood at the end of day (yyyy-mm-dd), or today for null. */
async function setAsOf(day) {
  if (day && day > today()) {
    throw new Error(`asOf: ${day} is in the future; pick today or an earlier day.`);
  }
  leaveScenario();
  view.asOf = day || null;
  renderAsOf();
  await loadRoot(view.root || DEFAULT_ROOT, view.depth);
}

/** The day after day (yyyy-mm-dd), or undefined for none. */
function nextDay(day) {
  if (!day) {
    return undefined;
  }
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * The change from the end of day to the end of until (today when null), drawn as a scenario is:
 * before, the chart as of day; after, compareDays' org changes played on it (created, moved,
 * dissolved, re-kinded, members moved).
 */
async function openSince(day, until = null) {
  hideError();
  const now = today();
  const to = until || now;
  if (!day || day >= now) {
    throw new Error(t('chart.pickPastDay'));
  }
  if (to <= day || to > now) {
    throw new Error(t('chart.pickUntilDay', day, now));
  }
  const shownUntil = to < now ? to : null;
  if (view.asOf !== day || scenarioView.active) {
    view.asOf = day;
    view.until = shownUntil; // before the bar is drawn: its until control shows it
    renderAsOf();
    await loadRoot(view.root || DEFAULT_ROOT, view.depth); // leaves any scenario shown
  }
  view.until = shownUntil; // leaving a scenario shown cleared it
  setState('loading');
  try {
    const data = await gql(COMPARE_DAYS, { root: view.root, from: day, to });
    await scenarioView.start({
      name: `${day} → ${to}`,
      within: view.root,
      scope: rootInfo ? { id: rootInfo.id, name: rootInfo.name } : null,
      note: view.until ? t('chart.betweenNote', day, to) : t('chart.sinceNote', day),
      liveChanged: false,
      reportUrl: null,
      report: data.compareDays,
    });
    renderRoot(chartIssues.length);
    showScenarioSummary();
    await applyPattern();
    renderScenario();
    updateUrl({ since: day, until: view.until, asOf: null });
    setState('ready');
  }
  catch (ex) {
    setState('error');
    throw ex;
  }
}

// --- the scenario view

function showScenarioSummary() {
  panel.current = null;
  panel.request += 1;
  renderScenarioSummary($('panel-body'), scenarioView, (id) => reveal(id).catch(showError));
}

function showScenarioOrg(id) {
  panel.current = null;
  panel.request += 1;
  renderScenarioOrg($('panel-body'), scenarioView, id, {
    onSummary: () => {
      view.cy.$(':selected').unselect();
      showScenarioSummary();
    },
    onLive: (orgId) => panel.show(orgId).catch(showError),
  });
}

function renderScenario() {
  const bar = $('scenario-bar');
  if (!scenarioView.active) {
    bar.hidden = true;
    bar.replaceChildren();
    $('legend-scenario').hidden = true;
    delete document.documentElement.dataset.scenarioSide;
    $('units').disabled = false;
    return;
  }
  renderScenarioBar(bar, scenarioView, {
    onBefore: () => switchSide('before'),
    onAfter: () => switchSide('after'),
  });
  bar.hidden = false;
  renderScenarioLegend(scenarioView.side);
  $('legend-scenario').hidden = false;
  $('units').disabled = true;
  document.documentElement.dataset.scenarioSide = scenarioView.side;
}

async function switchSide(side) {
  hideError();
  view.cy.$(':selected').unselect();
  if (side === 'before') {
    scenarioView.showBefore();
    view.setIssues(chartIssues);
    renderRoot(chartIssues.length);
    panel.clear();
  }
  else {
    scenarioView.showAfter();
    showScenarioSummary();
  }
  await applyPattern();
  renderScenario();
}

/** Leaves the scenario view: the live chart as it was drawn before it. */
function leaveScenario() {
  if (!scenarioView.active) {
    return;
  }
  scenarioView.stop();
  view.setIssues(chartIssues);
  view.layout();
  view.initialView();
  $('scenario').value = '';
  renderScenario();
  view.until = null;
  updateUrl({ scenario: null, since: null, until: null });
}

async function listScenarios(selected) {
  const data = await gql(SCENARIOS);
  const select = $('scenario');
  select.replaceChildren(el('option', { value: '' }, t('chart.live')),
    ...data.scenarios.map((s) => el('option', { value: s.name }, s.appliedAt ? t('chart.applied', s.name) : s.name)));
  select.value = selected || '';
  select.disabled = data.scenarios.length === 0 || Boolean(view.asOf);
  select.title = data.scenarios.length ? 'show a saved what-if scenario' : 'no scenario is saved (saveScenario)';
}

/** Draws the saved scenario: its scope as root, the after side first. */
async function openScenario(name) {
  hideError();
  setState('loading');
  if (view.asOf) { // a scenario plays out on today's structure
    view.asOf = null;
    renderAsOf();
  }
  try {
    const scenario = await scenarioView.fetch(name);
    const root = ScenarioView.rootFor(scenario, view.root || DEFAULT_ROOT);
    await loadRoot(root, view.depth); // leaves any scenario shown before
    setState('loading');
    await scenarioView.start(scenario);
    $('scenario').value = name;
    renderRoot(chartIssues.length);
    showScenarioSummary();
    await applyPattern();
    renderScenario();
    updateUrl({ scenario: name });
    setState('ready');
  }
  catch (ex) {
    setState('error');
    $('scenario').value = scenarioView.active ? scenarioView.scenario.name : '';
    throw ex;
  }
}

/** The scenario's part of the legend, for the side drawn: the marks after, or what will change before. */
function renderScenarioLegend(side) {
  const list = $('legend-scenario');
  list.dataset.side = side;
  if (side === 'before') {
    list.replaceChildren(
      el('li', { class: 'head' }, t('chart.scenarioBefore')),
      el('li', { dataset: { mark: 'will-change' } },
        el('span', { class: 'swatch halo', style: { boxShadow: `0 0 0 3px ${WILL_CHANGE_COLOR}66` } }),
        t('chart.willChange')));
    return;
  }
  list.replaceChildren(
    el('li', { class: 'head' }, t('chart.scenarioAfter')),
    ...Object.entries(SCENARIO_MARKS).map(([key, m]) => el('li', { dataset: { mark: key } },
      el('span', { class: `swatch sc-${key}`, style: { borderColor: m.color, boxShadow: `0 0 0 3px ${m.color}66` } }),
      `${m.sign} ${markName(key)}`)));
}

function buildLegend() {
  // In the page's language (chart/i18n.js), each entry with its key as data-key.
  const entry = (swatch, key) => el('li', { dataset: { key } }, swatch, t(key));
  const items = ORG_KINDS.map((k) => entry(el('span', { class: 'swatch', style: { background: k.color } }), `chart.kind.${k.kind}`));
  items.push(
    entry(el('span', { class: 'line dashed', style: { borderColor: CO_MANAGED_COLOR } }), 'chart.coManaged'),
    entry(el('span', { class: 'line dotted', style: { borderColor: DISPATCH_COLOR } }), 'chart.firstSecretarySent'),
    entry(el('span', { class: 'line dashed', style: { borderColor: AWAY_COLOR } }), 'chart.membersAway'),
    entry(el('span', { class: 'swatch outline', style: { borderColor: ISSUE_COLOR } }), 'chart.ruleBreaks'),
    entry(el('span', { class: 'swatch outline double' }), 'chart.notShown'),
    entry(el('span', { class: 'swatch halo' }), 'chart.patternInstance'),
    entry(el('span', { class: 'swatch unit' }), 'chart.unitSetUpIn'),
  );
  $('legend-list').replaceChildren(...items);
  const legend = $('legend');
  legend.open = localStorage.getItem(LEGEND_KEY) !== 'closed';
  legend.addEventListener('toggle', () => localStorage.setItem(LEGEND_KEY, legend.open ? 'open' : 'closed'));
  $('pattern').append(...PATTERNS.map((p) => el('option', { value: p.pattern }, p.name)));
}

function wire() {
  view.cy.on('tap', 'node[type="org"]', (ev) => {
    view.cy.$(':selected').unselect();
    ev.target.select();
    selectOrg(ev.target.id());
  });
  view.cy.on('dbltap', 'node[type="org"]', (ev) => toggle(ev.target.id()));
  view.cy.on('tap', (ev) => {
    if (ev.target === view.cy) {
      if (scenarioView.side === 'after') {
        showScenarioSummary();
      }
      else {
        panel.clear();
      }
    }
  });
  new SearchBox($('search'), $('search-results'), {
    onPick: (id) => reveal(id).catch(showError),
    onError: showError,
  });
  $('pattern').addEventListener('change', () => applyPattern({ pan: true }).catch(showError));
  $('units').addEventListener('change', async (ev) => {
    try {
      await view.setUnits(ev.target.checked);
      await applyPattern();
    }
    catch (ex) {
      showError(ex);
    }
  });
  $('layout').addEventListener('change', (ev) => view.setMode(ev.target.value));
  $('fit').addEventListener('click', () => view.fitAll());
  $('up').addEventListener('click', () => rootInfo && rootInfo.parent && loadRoot(rootInfo.parent.id, view.depth).catch(showError));
  const exportName = () => (scenarioView.active ? `${view.root}-${scenarioView.scenario.name}-${scenarioView.side}` : view.root);
  $('export-view').addEventListener('click', () => exportPng(view.cy, exportName(), false));
  $('export-all').addEventListener('click', () => exportPng(view.cy, exportName(), true));
  $('export-svg').addEventListener('click', () => exportSvg(view.cy, exportName(), $('export-svg-full').checked));
  $('scenario').addEventListener('change', (ev) => {
    if (ev.target.value) {
      openScenario(ev.target.value).catch(showError);
    }
    else {
      leaveScenario();
      panel.clear();
      renderRoot(chartIssues.length);
    }
  });
  $('as-of').max = today();
  $('as-of').addEventListener('change', (ev) => setAsOf(ev.target.value || null).catch(showError));
  $('as-of-today').addEventListener('click', () => setAsOf(null).catch(showError));
  $('error-close').addEventListener('click', hideError);
  $('refresh-issues').addEventListener('click', async () => {
    try {
      const data = await gql(COMPLIANCE, { root: view.root, asOf: view.asOf });
      chartIssues = data.complianceIssues;
      if (scenarioView.side === 'after') {
        return; // the live rule breaks are not drawn on the after side
      }
      view.setIssues(chartIssues);
      renderRoot(chartIssues.length);
      if (!panel.current) {
        panel.clear();
      }
    }
    catch (ex) {
      showError(ex);
    }
  });
  window.addEventListener('unhandledrejection', (ev) => showError(ev.reason));
}

buildLegend();
wire();
window.chartApp = { view, reveal, loadRoot, applyPattern, scenarioView, openScenario, listScenarios, setAsOf, openSince };
const depth = Number.parseInt(params.get('depth') || '', 10);
view.depth = Number.isFinite(depth) && depth >= 0 ? depth : DEFAULT_DEPTH;
view.asOf = /^\d{4}-\d{2}-\d{2}$/.test(params.get('asOf') || '') ? params.get('asOf') : null;
renderAsOf();
const scenarioParam = params.get('scenario');
const sinceParam = /^\d{4}-\d{2}-\d{2}$/.test(params.get('since') || '') ? params.get('since') : null;
const untilParam = /^\d{4}-\d{2}-\d{2}$/.test(params.get('until') || '') ? params.get('until') : null;
listScenarios(scenarioParam).catch(showError);
if (sinceParam && !scenarioParam) {
  view.root = params.get('root') || DEFAULT_ROOT;
  openSince(sinceParam, untilParam).catch(showError);
}
else if (scenarioParam) {
  view.root = params.get('root') || DEFAULT_ROOT;
  openScenario(scenarioParam).catch(showError);
}
else {
  loadRoot(params.get('root') || DEFAULT_ROOT, view.depth).catch(showError);
}
