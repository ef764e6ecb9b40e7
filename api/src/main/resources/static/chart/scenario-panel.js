// The side panel and the bar of the scenario view: what the report says, in lists a person reads.

import { el } from './dom.js';
import { kindInfo, SCENARIO_MARKS } from './style.js';

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
  return el('span', { class: 'chip sc-chip', style: { borderColor: m.color, color: m.color } }, `${m.sign} ${m.zh}`);
}

/** The bar above the chart: the scenario's figures and the before/after switch. */
export function renderScenarioBar(bar, scenarioView, handlers) {
  const { scenario, report, counts } = scenarioView;
  const figure = (id, label, value, key) => el('span', { class: 'sc-figure' },
    key ? el('span', { class: 'dot', style: { background: SCENARIO_MARKS[key].color } }) : null,
    `${label} `, el('b', { id }, String(value)));
  const side = scenarioView.side;
  bar.replaceChildren(...present(
    el('span', { class: 'sc-name' }, '情景 ', el('b', { id: 'scenario-name' }, scenario.name),
      scenario.scope ? el('small', {}, ` · ${scenario.scope.name}`) : null),
    el('span', { class: 'sc-switch', role: 'group', 'aria-label': 'before or after' },
      el('button', { id: 'scenario-before', type: 'button', class: side === 'before' ? 'on' : '', 'aria-pressed': String(side === 'before'), onclick: handlers.onBefore }, '之前 before'),
      el('button', { id: 'scenario-after', type: 'button', class: side === 'after' ? 'on' : '', 'aria-pressed': String(side === 'after'), onclick: handlers.onAfter }, '之後 after')),
    figure('scenario-moved', '黨員調動 members moved', report.membersMoved, 'members'),
    figure('scenario-created', '新建 created', report.orgsCreated.length, 'created'),
    figure('scenario-dissolved', '撤銷 dissolved', report.orgsDissolved.length, 'dissolved'),
    figure('scenario-orgs-moved', '調整隸屬 moved', report.orgChanges.filter((c) => c.moved).length, 'moved'),
    figure('scenario-fixed', '違規修正 fixed', report.issuesFixed.length),
    figure('scenario-introduced', '新增違規 introduced', report.issuesIntroduced.length),
    counts && counts.notDrawn ? el('small', { id: 'scenario-not-drawn' }, ` (${counts.notDrawn} 未顯示 not drawn)`) : null,
    scenario.liveChanged ? el('span', { class: 'sc-warn', title: 'the live graph changed since it was saved' }, '⚠ 已過時 stale') : null,
    scenario.reportUrl
      ? el('a', { href: scenario.reportUrl.replace(/^\//, ''), target: '_blank', rel: 'noopener', class: 'sc-report' }, '報告 report ↗')
      : null,
  ));
}

/** The side panel with no org chosen: the report's changes, moved members, rule breaks. */
export function renderScenarioSummary(container, scenarioView, onNavigate) {
  const { scenario, report } = scenarioView;
  const moves = report.moves.slice(0, SHOWN_MOVES);
  const issueList = (issues, id) => (issues.length
    ? el('ul', { class: 'plain', id }, issues.map((i) => el('li', {}, el('code', {}, i.rule), ' ', orgLink(scenarioView, i.orgId, onNavigate))))
    : el('p', { class: 'none' }, '無 none'));
  container.replaceChildren(...present(
    el('h2', {}, scenario.name),
    scenario.note ? el('p', {}, scenario.note) : null,
    el('p', { class: 'hint' },
      '之後圖：新建、調整隸屬、撤銷的組織和黨員調動都已標出。點擊組織查看變化。 After: created, moved and dissolved orgs and members moved are marked; click an org for its change.'),
    el('h3', {}, `變化 changes (${report.changes.length})`),
    el('ol', { class: 'sc-changes', id: 'scenario-changes' }, report.changes.map((c) => el('li', {}, c))),
    el('h3', {}, '黨員調動 members moved ', el('span', { class: 'count', id: 'scenario-moves-count' }, `(${report.membersMoved})`)),
    moves.length
      ? el('ol', { class: 'sc-moves', id: 'scenario-moves' }, moves.map((m) => el('li', { dataset: { id: m.memberId } },
        m.memberName, ' ', el('small', {}, `${scenarioView.nameOf(m.fromOrg)} → `), orgLink(scenarioView, m.toOrg, onNavigate))))
      : el('p', { class: 'none' }, '無 none'),
    report.moves.length > SHOWN_MOVES ? el('p', { class: 'hint' }, `… ${report.moves.length - SHOWN_MOVES} more`) : null,
    el('h3', {}, `違規修正 issues fixed (${report.issuesFixed.length})`),
    issueList(report.issuesFixed, 'scenario-issues-fixed'),
    el('h3', {}, `新增違規 issues introduced (${report.issuesIntroduced.length})`),
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
    el('div', {}, el('span', { class: 'chip kind', style: { background: kind.color } }, kind.zh), ' ', el('span', { class: 'id' }, id)),
    el('div', { class: 'sc-chips', id: 'panel-scenario-marks' }, chips),
    el('dl', { class: 'facts' },
      c && c.kindBefore && c.kind !== c.kindBefore ? row('類型 kind', `${kindInfo(c.kindBefore).zh} → ${kind.zh}`) : null,
      c && (c.moved || c.created || c.dissolved)
        ? row('上級 parent', `${c.parentBefore ? scenarioView.nameOf(c.parentBefore) : '—'} → ${c.parent ? scenarioView.nameOf(c.parent) : '—'}`, 'panel-scenario-parent')
        : null,
      row('黨員 members', c
        ? `${c.memberCountBefore ?? '—'} → ${c.memberCount ?? '—'}`
        : String(node.data('memberCount')), 'panel-scenario-count'),
      row('調入 moved in', String(movedIn.length), 'panel-moved-in'),
      row('調出 moved out', String(movedOut.length), 'panel-moved-out')),
    movedIn.length ? el('h3', {}, `調入 moved in (${movedIn.length})`) : null,
    movedIn.length ? el('ol', { class: 'members' }, movedIn.map((m) => el('li', {}, m.memberName, ' ', el('small', {}, `← ${scenarioView.nameOf(m.fromOrg)}`)))) : null,
    movedOut.length ? el('h3', {}, `調出 moved out (${movedOut.length})`) : null,
    movedOut.length ? el('ol', { class: 'members' }, movedOut.map((m) => el('li', {}, m.memberName, ' ', el('small', {}, `→ ${scenarioView.nameOf(m.toOrg)}`)))) : null,
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'small', onclick: handlers.onSummary }, '← 情景 scenario'),
      c && c.created ? null : el('button', { type: 'button', class: 'small', onclick: () => handlers.onLive(id) }, '現狀詳情 live details')),
  ));
}
