// The scenario view: a saved what-if scenario (scenario(name) { report }) drawn on the chart.
// Before: the live chart, opened far enough to show every org the scenario touches, those orgs
// marked. After: the same drawing with the report's orgChanges played on it: created orgs added
// under their new parents, moved orgs re-hung (a dotted line back to where they were), dissolved
// orgs kept, crossed out, where they were; new kinds, member counts, and the members moved in and
// out of each org. Nothing is laid out by hand: the chart's own layout runs on the result.

import { gql } from './graphql.js';
import { ORG_PATHS, SCENARIO_REPORT } from './queries.js';
import { SCENARIO_MARKS } from './style.js';

const TREE = 'edge[kind="SUBORDINATE_TO"]';
const ORGS = 'node[type="org"]';
const MARK_CLASSES = 'sc-created sc-moved sc-dissolved sc-kind sc-members sc-will-change';
const PAGE = 100;
export class ScenarioView {
  constructor(view) {
    this.view = view;
    this.scenario = null;
    this.report = null;
    this.side = null; // 'before' | 'after'
    this.before = null; // the before drawing, as cy element JSON
  }

  get active() {
    return this.scenario !== null;
  }

  /** Reads the scenario and its fresh report; throws when it has none (an operation no longer applies). */
  async fetch(name) {
    const data = await gql(SCENARIO_REPORT, { name });
    if (!data.scenario) {
      throw new Error(`No scenario is saved under the name "${name}".`);
    }
    if (!data.scenario.report) {
      throw new Error(`Scenario "${name}" has no report: its scope is gone.`);
    }
    return data.scenario;
  }

  /** The root to draw the scenario from: its scope, or the given root when it has none. */
  static rootFor(scenario, fallback) {
    return scenario.within || fallback;
  }

  /**
   * Starts the view on a chart already drawn from the scenario's root: opens what it takes to draw
   * every org the scenario touches, then shows the after side.
   */
  async start(scenario) {
    this.scenario = scenario;
    this.report = scenario.report;
    this.changes = new Map(this.report.orgChanges.map((c) => [c.orgId, c]));
    await this.openTouched();
    this.before = this.view.cy.elements().jsons();
    this.showAfter();
  }

  stop() {
    if (!this.active) {
      return;
    }
    this.restoreBefore();
    this.view.cy.elements().removeClass(MARK_CLASSES);
    this.view.frozen = false;
    this.scenario = null;
    this.report = null;
    this.side = null;
    this.before = null;
  }

  /** Existing orgs the after-chart needs: those changed, their parents before and after, members' orgs. */
  touchedIds() {
    const created = new Set(this.report.orgsCreated);
    const ids = new Set();
    for (const c of this.report.orgChanges) {
      [c.orgId, c.parent, c.parentBefore].forEach((id) => id && ids.add(id));
    }
    for (const m of this.report.moves) {
      ids.add(m.fromOrg);
      ids.add(m.toOrg);
    }
    return [...ids].filter((id) => !created.has(id));
  }

  /** Opens the drawn tree down to every touched org (their ancestors' children), a level at a time. */
  async openTouched() {
    const cy = this.view.cy;
    const missing = this.touchedIds().filter((id) => cy.getElementById(id).empty());
    if (!missing.length) {
      return;
    }
    const paths = [];
    for (let i = 0; i < missing.length; i += PAGE) {
      const ids = missing.slice(i, i + PAGE);
      const data = await gql(ORG_PATHS, { ids, first: ids.length });
      data.orgs.edges.forEach((e) => paths.push(e.node.ancestors.map((a) => a.id).reverse()));
    }
    // Every ancestor below the root on a path: opened, parents first (by level).
    const open = new Map();
    for (const path of paths) {
      const start = path.indexOf(this.view.root);
      if (start < 0) {
        continue; // outside the drawn root
      }
      path.slice(start).forEach((id, level) => {
        if (!open.has(id) || open.get(id) > level) {
          open.set(id, level);
        }
      });
    }
    const byLevel = [...open.entries()]
      .filter(([id]) => cy.getElementById(id).empty() || !this.view.hasChildrenDrawn(id))
      .sort((a, b) => a[1] - b[1])
      .map(([id]) => id);
    const toOpen = byLevel.filter((id) => {
      const n = cy.getElementById(id);
      return n.empty() || n.data('childCount') > 0;
    });
    await this.view.expandAll(toOpen);
  }

  restoreBefore() {
    const cy = this.view.cy;
    if (!this.before) {
      return;
    }
    cy.batch(() => {
      cy.elements().remove();
      // A copy: Cytoscape keeps the data objects it is given, and the after side changes them.
      cy.add(structuredClone(this.before));
      cy.nodes(ORGS).removeData('scMark scMoves');
      cy.elements().removeClass(MARK_CLASSES);
    });
  }

  /** The live chart, the orgs the scenario will change marked. */
  showBefore() {
    const cy = this.view.cy;
    if (this.side === 'after') {
      this.restoreBefore();
    }
    this.side = 'before';
    this.view.frozen = false;
    const touched = new Set(this.report.orgChanges.filter((c) => !c.created).map((c) => c.orgId));
    this.report.moves.forEach((m) => touched.add(m.fromOrg));
    cy.nodes(ORGS).filter((n) => touched.has(n.id())).addClass('sc-will-change');
    this.view.refreshLabels();
    this.view.layout();
    this.focusMarked();
  }

  /** The chart after the scenario, built from the before drawing and the report's orgChanges. */
  showAfter() {
    const cy = this.view.cy;
    if (this.side === 'before') {
      // The before side may have been opened further: that is what the after side starts from.
      this.before = cy.elements().jsons();
    }
    this.restoreBefore();
    this.side = 'after';
    this.view.frozen = true;
    // Children not drawn before stay not drawn (every org that changes was opened above).
    const hiddenBefore = new Map();
    cy.nodes(ORGS).forEach((n) => hiddenBefore.set(n.id(), n.data('hidden') || 0));
    const counts = { created: 0, moved: 0, dissolved: 0, kind: 0, notDrawn: 0 };
    cy.batch(() => {
      for (const c of this.report.orgChanges) {
        const node = cy.getElementById(c.orgId);
        if (c.created) {
          const parent = c.parent ? cy.getElementById(c.parent) : cy.collection();
          if (parent.empty()) {
            counts.notDrawn += 1;
            continue;
          }
          cy.add({
            group: 'nodes',
            data: {
              id: c.orgId, type: 'org', name: c.name, kind: c.kind, memberCount: c.memberCount,
              fullMemberCount: null, childCount: 0, external: false, issues: 0, hidden: 0, display: c.name,
              farFont: 13, farWidth: 600, scMark: SCENARIO_MARKS.created.sign,
            },
            classes: 'sc-created',
          });
          this.hang(c.orgId, c.parent, 'sc-created-edge');
          counts.created += 1;
          continue;
        }
        if (node.empty()) {
          counts.notDrawn += 1;
          continue;
        }
        if (c.dissolved) {
          node.addClass('sc-dissolved');
          node.data('scMark', SCENARIO_MARKS.dissolved.sign);
          node.incomers(TREE).addClass('sc-gone-edge');
          node.connectedEdges('[kind="CO_MANAGED_BY"], [kind="DISPATCH"], [kind="AWAY"]').addClass('faded');
          counts.dissolved += 1;
          continue;
        }
        const marks = [];
        if (c.moved) {
          node.incomers(TREE).remove();
          if (c.parent && cy.getElementById(c.parent).nonempty()) {
            this.hang(c.orgId, c.parent, 'sc-new-edge');
          }
          if (c.parentBefore && cy.getElementById(c.parentBefore).nonempty()) {
            cy.add({
              group: 'edges',
              data: { id: `WAS_SUBORDINATE_TO:${c.parentBefore}>${c.orgId}`, source: c.parentBefore, target: c.orgId, kind: 'WAS_SUBORDINATE_TO' },
            });
          }
          node.addClass('sc-moved');
          marks.push(SCENARIO_MARKS.moved.sign);
          counts.moved += 1;
        }
        if (c.kindBefore && c.kind !== c.kindBefore) {
          node.data('kind', c.kind);
          node.addClass('sc-kind');
          marks.push(SCENARIO_MARKS.kind.sign);
          counts.kind += 1;
        }
        node.data({ name: c.name, memberCount: c.memberCount });
        if (marks.length) {
          node.data('scMark', marks.join(''));
        }
      }
      // Members moved: in (+) and out (−) of each drawn org.
      const inOut = new Map();
      const tally = (id, key) => {
        if (!inOut.has(id)) {
          inOut.set(id, { in: 0, out: 0 });
        }
        inOut.get(id)[key] += 1;
      };
      this.report.moves.forEach((m) => {
        tally(m.toOrg, 'in');
        tally(m.fromOrg, 'out');
      });
      inOut.forEach((v, id) => {
        const n = cy.getElementById(id);
        if (n.nonempty()) {
          const parts = [];
          if (v.in) {
            parts.push(`+${v.in}`);
          }
          if (v.out) {
            parts.push(`−${v.out}`);
          }
          n.data({ scMoves: parts.join(' '), scIn: v.in, scOut: v.out });
          n.addClass('sc-members');
        }
      });
      // Children not drawn: as before; drawn ones: as hung now.
      cy.nodes(ORGS).forEach((n) => {
        const drawn = n.outgoers(TREE).length;
        n.data('childCount', n.hasClass('sc-dissolved') ? drawn : drawn + (hiddenBefore.get(n.id()) || 0));
      });
    });
    this.counts = counts;
    this.view.setIssues([]); // the live rule breaks do not hold after; the panel lists fixed and introduced
    this.view.layout();
    this.focusMarked();
    return counts;
  }

  /**
   * Brings the root and the marked orgs with their parents into view, all of them (at most life
   * size); nothing marked: the chart as it opens.
   */
  focusMarked() {
    const cy = this.view.cy;
    const marked = cy.nodes('.sc-created, .sc-moved, .sc-dissolved, .sc-kind, .sc-members, .sc-will-change');
    if (marked.empty()) {
      this.view.initialView();
      return;
    }
    const eles = marked.union(marked.incomers(`${TREE}, edge[kind="WAS_SUBORDINATE_TO"]`).sources())
      .union(cy.getElementById(this.view.root));
    this.view.show(eles, false);
  }

  hang(child, parent, cls) {
    this.view.cy.add({
      group: 'edges',
      data: { id: `SUBORDINATE_TO:${parent}>${child}`, source: parent, target: child, kind: 'SUBORDINATE_TO' },
      classes: cls,
    });
  }

  /** An org's name for the lists: drawn, else from the report, else its id. */
  nameOf(id) {
    const n = this.view.cy.getElementById(id);
    if (n.nonempty()) {
      return n.data('name');
    }
    const c = this.changes && this.changes.get(id);
    return c ? c.name : id;
  }
}
