// The side panel and the bar of the scenario view: what the report says, in lists a person reads.

import { el } from './dom.js';
import { t } from './i18n.js';
import { kindInfo, markName, SCENARIO_MARKS } from './style.js';

const SHOWN_MOVES = 200;

/** replaceChildren takes null as the text "null": the parts that are there. */
function present(...parts) {
  return parts.filter((p) => p !== null && p !== undefined && p !== false);
}

function orgLink(scenarioView, id, onNavigate) {
  const drawn = scenarioView.view.cy.getElementById(id).nonempty();
  const name = scenarioView.nameOf(id);
  if (!drawn) {
    return el('span', { title: id }, name);
  }
  return el('a', {
    href: '#', class: 'org-link', dataset: { id },
    onclick: (ev) => {
      ev.preventDefault();
      onNavigate(id);
    },
  }, name);
}

function markChip(key) {
  const m = SCENARIO_MARKS[key];
  return el('span', { class: 'chip sc-chip', style: { borderColor: m.color, color: m.color } }, `${m.sign} ${markName(key)}`);
}

/** The bar above the chart: the scenario's figures and the before/after switch. */
export function renderScenarioBar(bar, scenarioView, handlers) {
  const { scenario, report, counts } = scenarioView;
  const figure = (id, label, value, key) => el('span', { class: 'sc-figure' },
    key ? el('span', { class: 'dot', style: { background: SCENARIO_MARKS[key].color } }) : null,
    `${label} `, el('b', { id }, String(value)));
  const side = scenarioView.side;
  bar.replaceChildren(...present(
    el('span', { class: 'sc-name' }, `${t('chart.scenario')} `, el('b', { id: 'scenario-name' }, scenario.name),
      scenario.scope ? el('small', {}, ` · ${scenario.scope.name}`) : null),
    el('span', { class: 'sc-switch', role: 'group', 'aria-label': t('chart.beforeOrAfter') },
      el('button', { id: 'scenario-before', type: 'button', class: side === 'before' ? 'on' : '', 'aria-pressed': String(side === 'before'), onclick: handlers.onBefore }, t('chart.before')),
      el('button', { id: 'scenario-after', type: 'button', class: side === 'after' ? 'on' : '', 'aria-pressed': String(side === 'after'), onclick: handlers.onAfter }, t('chart.after'))),
    figure('scenario-moved', t('chart.membersMoved'), report.membersMoved, 'members'),
    figure('scenario-created', markName('created'), report.orgsCreated.length, 'created'),
    figure('scenario-dissolved', markName('dissolved'), report.orgsDissolved.length, 'dissolved'),
    figure('scenario-orgs-moved', markName('moved'), report.orgChanges.filter((c) => c.moved).length, 'moved'),
    figure('scenario-fixed', t('chart.fixed'), report.issuesFixed.length),
    figure('scenario-introduced', t('chart.introduced'), report.issuesIntroduced.length),
    counts && counts.notDrawn ? el('small', { id: 'scenario-not-drawn' }, ` ${t('chart.notDrawn', counts.notDrawn)}`) : null,
    scenario.liveChanged ? el('span', { class: 'sc-warn', title: t('chart.staleTitle') }, t('chart.stale')) : null,
    scenario.reportUrl
      ? el('a', { href: scenario.reportUrl.replace(/^\//, ''), target: '_blank', rel: 'noopener', class: 'sc-report' }, t('chart.report'))
      : null,
  ));
}

/** The side panel with no org chosen: the report's changes, moved members, rule breaks. */
export function renderScenarioSummary(container, scenarioView, onNavigate) {
  const { scenario, report } = scenarioView;
  const moves = report.moves.slice(0, SHOWN_MOVES);
  const issueList = (issues, id) => (issues.length
    ? el('ul', { class: 'plain', id }, issues.map((i) => el('li', {}, el('code', {}, i.rule), ' ', orgLink(scenarioView, i.orgId, onNavigate))))
    : el('p', { class: 'none' }, t('chart.none')));
  container.replaceChildren(...present(
    el('h2', {}, scenario.name),
    scenario.note ? el('p', {}, scenario.note) : null,
    el('p', { class: 'hint' }, t('chart.scenarioHint')),
    el('h3', {}, t('chart.changes', report.changes.length)),
    el('ol', { class: 'sc-changes', id: 'scenario-changes' }, report.changes.map((c) => el('li', {}, c))),
    el('h3', {}, `${t('chart.membersMoved')} `, el('span', { class: 'count', id: 'scenario-moves-count' }, `(${report.membersMoved})`)),
    moves.length
      ? el('ol', { class: 'sc-moves', id: 'scenario-moves' }, moves.map((m) => el('li', { dataset: { id: m.memberId } },
        m.memberName, ' ', el('small', {}, `${scenarioView.nameOf(m.fromOrg)} → `), orgLink(scenarioView, m.toOrg, onNavigate))))
      : el('p', { class: 'none' }, t('chart.none')),
    report.moves.length > SHOWN_MOVES ? el('p', { class: 'hint' }, t('chart.moreMoves', report.moves.length - SHOWN_MOVES)) : null,
    el('h3', {}, t('chart.issuesFixed', report.issuesFixed.length)),
    issueList(report.issuesFixed, 'scenario-issues-fixed'),
    el('h3', {}, t('chart.issuesIntroduced', report.issuesIntroduced.length)),
    issueList(report.issuesIntroduced, 'scenario-issues-introduced'),
  ));
}

/** The side panel for one org the scenario changes. */
export function renderScenarioOrg(container, scenarioView, id, handlers) {
  const c = scenarioView.changes.get(id);
  const node = scenarioView.view.cy.getElementById(id);
  const moves = scenarioView.report.moves;
  const movedIn = moves.filter((m) => m.toOrg === id);
  const movedOut = moves.filter((m) => m.fromOrg === id);
  const kind = kindInfo(c ? c.kind : node.data('kind'));
  const row = (label, value, rowId) => el('div', { class: 'row' }, el('dt', {}, label), el('dd', { id: rowId }, value));
  const chips = [];
  if (c && c.created) {
    chips.push(markChip('created'));
  }
  if (c && c.dissolved) {
    chips.push(markChip('dissolved'));
  }
  if (c && c.moved) {
    chips.push(markChip('moved'));
  }
  if (c && c.kindBefore && c.kind !== c.kindBefore) {
    chips.push(markChip('kind'));
  }
  if (movedIn.length || movedOut.length) {
    chips.push(markChip('members'));
  }
  container.replaceChildren(...present(
    el('h2', { id: 'panel-name' }, c ? c.name : node.data('name')),
    el('div', {}, el('span', { class: 'chip kind', style: { background: kind.color } }, kind.name), ' ', el('span', { class: 'id' }, id)),
    el('div', { class: 'sc-chips', id: 'panel-scenario-marks' }, chips),
    el('dl', { class: 'facts' },
      c && c.kindBefore && c.kind !== c.kindBefore ? row(t('chart.kindRow'), `${kindInfo(c.kindBefore).name} → ${kind.name}`) : null,
      c && (c.moved || c.created || c.dissolved)
        ? row(t('chart.parent'), `${c.parentBefore ? scenarioView.nameOf(c.parentBefore) : '—'} → ${c.parent ? scenarioView.nameOf(c.parent) : '—'}`, 'panel-scenario-parent')
        : null,
      row(t('chart.members'), c
        ? `${c.memberCountBefore ?? '—'} → ${c.memberCount ?? '—'}`
        : String(node.data('memberCount')), 'panel-scenario-count'),
      row(t('chart.movedIn'), String(movedIn.length), 'panel-moved-in'),
      row(t('chart.movedOut'), String(movedOut.length), 'panel-moved-out')),
    movedIn.length ? el('h3', {}, t('chart.movedInCount', movedIn.length)) : null,
    movedIn.length ? el('ol', { class: 'members' }, movedIn.map((m) => el('li', {}, m.memberName, ' ', el('small', {}, `← ${scenarioView.nameOf(m.fromOrg)}`)))) : null,
    movedOut.length ? el('h3', {}, t('chart.movedOutCount', movedOut.length)) : null,
    movedOut.length ? el('ol', { class: 'members' }, movedOut.map((m) => el('li', {}, m.memberName, ' ', el('small', {}, `→ ${scenarioView.nameOf(m.toOrg)}`)))) : null,
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'small', onclick: handlers.onSummary }, t('chart.backToScenario')),
      c && c.created ? null : el('button', { type: 'button', class: 'small', onclick: () => handlers.onLive(id) }, t('chart.liveDetails'))),
  ));
}
