// The drawn org tree: loads orgChart from the API into Cytoscape, merges drill-downs, lays the
// tree out as a layered tree (dagre, through cytoscape-dagre: each subtree stays together, no
// parent-child line crosses another) and keeps labels, badges, highlights and the view in frame.

import cytoscape from '../webjars/cytoscape/3.33.1/dist/cytoscape.esm.min.mjs';
// Built from api/frontend (npm, esbuild) into the jar at package time.
import cytoscapeDagre from './lib/cytoscape-dagre.js';
import { gql } from './graphql.js';
import { t } from './i18n.js';
import { ORG_CHART } from './queries.js';
import { stylesheet } from './style.js';

cytoscape.use(cytoscapeDagre);

const TREE = 'edge[kind="SUBORDINATE_TO"]';
const ORGS = 'node[type="org"]';
const UNITS = 'node[type="unit"]';
const NODE_W = 150;
const NODE_H = 64;
/** Below this zoom labels are too small to read: the whole chart is shown only down to it. */
export const READABLE_ZOOM = 0.55;
const PADDING = 30;

export class OrgChartView {
  constructor(container) {
    this.cy = cytoscape({
      container,
      style: stylesheet(),
      elements: [],
      minZoom: 0.02,
      maxZoom: 3,
      selectionType: 'single',
      boxSelectionEnabled: false,
      textureOnViewport: true,
      hideEdgesOnViewport: false,
    });
    this.cy.on('zoom', () => this.scheduleFarLabels());
    this.cy.on('select', 'node', (ev) => ev.target.connectedEdges().addClass('focus-edge'));
    this.cy.on('unselect', 'node', (ev) => ev.target.connectedEdges().removeClass('focus-edge'));
    this.root = null;
    this.depth = 3;
    this.units = false;
    // The day drawn (yyyy-mm-dd), null for today: every orgChart read passes it as asOf.
    this.asOf = null;
    this.until = null; // the last day of a "changes since" view when not today
    this.mode = 'compact';
    this.issues = new Map();
  }

  /** Draws the tree below root, depth levels down; replaces what was drawn. */
  async load(root, depth) {
    const data = await gql(ORG_CHART, { root, depth, units: this.units, asOf: this.asOf });
    this.root = root;
    this.depth = depth;
    this.cy.elements().remove();
    this.merge(data.orgChart);
    this.layout();
    this.initialView();
    return data.orgChart;
  }

  /** Adds the nodes and edges of an orgChart answer that are not drawn yet. */
  merge(chart) {
    const cy = this.cy;
    const add = [];
    for (const n of chart.nodes) {
      if (n.unit && !this.units) {
        continue;
      }
      const existing = cy.getElementById(n.id);
      if (existing.nonempty()) {
        if (existing.data('external') && !n.external) {
          existing.data('external', false);
          existing.removeClass('external');
        }
        continue;
      }
      add.push({
        group: 'nodes',
        data: {
          id: n.id,
          type: n.unit ? 'unit' : 'org',
          name: n.label,
          kind: n.kind,
          memberCount: n.memberCount,
          fullMemberCount: n.fullMemberCount,
          childCount: n.childCount,
          external: n.external,
          issues: 0,
          hidden: 0,
          display: n.label,
          farFont: 13,
          farWidth: 600,
        },
        classes: n.external ? 'external' : '',
      });
    }
    cy.add(add);
    const edges = [];
    for (const e of chart.edges) {
      // The tree is drawn parent -> child so that the layout reads it top-down.
      const [source, target] = e.kind === 'SUBORDINATE_TO' ? [e.target, e.source] : [e.source, e.target];
      const id = `${e.kind}:${source}>${target}`;
      if (cy.getElementById(id).nonempty()) {
        continue;
      }
      if (cy.getElementById(source).empty() || cy.getElementById(target).empty()) {
        continue;
      }
      // count: a DISPATCH edge's first secretaries serving that day, an AWAY edge's members away.
      edges.push({ group: 'edges', data: { id, source, target, kind: e.kind, count: e.count ?? null } });
    }
    cy.add(edges);
    // An org that now hangs in the tree is no longer an outsider.
    cy.nodes(`${ORGS}.external`).forEach((n) => {
      if (n.incomers(TREE).nonempty()) {
        n.data('external', false);
        n.removeClass('external');
      }
    });
    this.refreshLabels();
  }

  scheduleFarLabels() {
    if (!this.farPending) {
      this.farPending = true;
      requestAnimationFrame(() => {
        this.farPending = false;
        this.updateFarLabels();
      });
    }
  }

  /** Far out, the root and its children show their names in a font that stays readable. */
  updateFarLabels() {
    const zoom = this.cy.zoom();
    const far = zoom < 0.6;
    const rootNode = this.cy.getElementById(this.root);
    const heads = this.heads || rootNode.union(rootNode.outgoers(TREE).targets());
    this.cy.batch(() => {
      this.cy.nodes('.head').difference(heads).removeClass('head far');
      heads.addClass('head');
      heads.toggleClass('far', far);
      if (far) {
        heads.data('farFont', Math.min(120, 12 / zoom));
        heads.data('farWidth', this.slot * 0.9);
      }
    });
  }

  /** Member counts, children not drawn yet and rule breaks, in each org's label. */
  refreshLabels() {
    this.cy.batch(() => {
      this.cy.nodes(ORGS).forEach((n) => {
        const drawnChildren = n.outgoers(TREE).length;
        const hidden = n.data('external') ? 0 : Math.max(0, n.data('childCount') - drawnChildren);
        const issues = (this.issues.get(n.id()) || []).length;
        let second = t('chart.nodeMembers', n.data('memberCount'));
        if (hidden > 0) {
          second += `  ▸${hidden}`;
        }
        if (issues > 0) {
          second += `  ⚠${issues}`;
        }
        // The scenario view's marks (after): what happens to the org, members in and out.
        const mark = n.data('scMark');
        const moves = n.data('scMoves');
        const first = mark ? `${mark} ${n.data('name')}` : n.data('name');
        if (moves) {
          second += `  ${moves}`;
        }
        n.data({ hidden, issues, display: `${first}\n${second}` });
      });
      this.cy.nodes(UNITS).forEach((n) => n.data('display', n.data('name')));
    });
  }

  /** The rule breaks to badge, as complianceIssues answers them. */
  setIssues(issues) {
    this.issues = new Map();
    for (const issue of issues) {
      if (!this.issues.has(issue.orgId)) {
        this.issues.set(issue.orgId, []);
      }
      this.issues.get(issue.orgId).push(issue);
    }
    this.refreshLabels();
  }

  issuesOf(id) {
    return this.issues.get(id) || [];
  }

  /** Levels of the drawn tree from the root (orgs outside it: -1). */
  levels() {
    const levels = new Map();
    const rootNode = this.cy.getElementById(this.root);
    if (rootNode.empty()) {
      return levels;
    }
    this.cy.elements(`${ORGS}, ${TREE}`).bfs({
      roots: rootNode,
      directed: true,
      visit: (v, e, u, i, depth) => {
        levels.set(v.id(), depth);
      },
    });
    return levels;
  }

  /**
   * Lays the tree out with dagre, a layered layout, over the root's tree alone (orgs and
   * parent-child edges): each subtree stays together and no parent-child line crosses another.
   * Compact (the default, for hundreds of orgs): left to right, the levels as columns, so that a
   * level of sixty villages is a column to scroll down, not an endless row. Wide: top-down, every
   * level one row. Co-management edges are drawn over the tree and take no part in the layout;
   * co-managers outside the tree and units are placed beside it afterwards.
   */
  layout() {
    const cy = this.cy;
    const rootNode = cy.getElementById(this.root);
    cy.nodes(ORGS).removeClass('sideways');
    cy.edges(TREE).removeClass('sideways from-head');
    if (rootNode.empty()) {
      return;
    }
    const sideways = this.mode !== 'wide';
    const tree = this.treeOf(rootNode);
    const rankSep = sideways ? (this.units ? 200 : 70) : (this.units ? 150 : 70);
    tree.layout({
      name: 'dagre',
      rankDir: sideways ? 'LR' : 'TB',
      nodeSep: sideways ? (this.units ? 34 : 14) : (this.units ? 40 : 20),
      rankSep,
      edgeSep: 10,
      fit: false,
      animate: false,
      padding: 0,
    }).run();
    if (sideways) {
      tree.nodes().addClass('sideways');
      tree.edges().addClass('sideways from-head');
    }
    this.sideways = sideways;
    this.slot = sideways ? NODE_W + rankSep : NODE_W + 20;
    this.heads = sideways ? rootNode : null;
    // Co-managers outside the subtree: beside the root, before its first level.
    const outside = cy.nodes(`${ORGS}.external`);
    const rootPos = rootNode.position();
    outside.forEach((n, i) => {
      const offset = i - (outside.length - 1) / 2;
      n.position(sideways
        ? { x: rootPos.x - NODE_W - rankSep, y: rootPos.y + offset * (NODE_H + 24) }
        : { x: rootPos.x + offset * (NODE_W + 30), y: rootPos.y - NODE_H - rankSep });
    });
    this.placeUnits();
    this.updateFarLabels();
  }

  /** The org, the orgs below it through the drawn tree and the tree edges between them. */
  treeOf(node) {
    let all = node;
    let frontier = node;
    while (frontier.nonempty()) {
      const edges = frontier.outgoers(TREE);
      const next = edges.targets().difference(all);
      all = all.union(edges).union(next);
      frontier = next;
    }
    return all;
  }

  /** Each unit goes beside the first drawn org set up in it, stacked when an org has several. */
  placeUnits() {
    const stacked = new Map();
    this.cy.nodes(UNITS).forEach((unit) => {
      const org = unit.incomers('edge[kind="SET_UP_IN"]').sources().first();
      if (org.empty()) {
        return;
      }
      const k = stacked.get(org.id()) || 0;
      stacked.set(org.id(), k + 1);
      const p = org.position();
      if (org.hasClass('sideways') || org.id() === this.root) {
        unit.position({ x: p.x + org.width() / 2 + 66, y: p.y - 24 + k * 25 });
      }
      else {
        unit.position({ x: p.x + 22, y: p.y + org.height() / 2 + 20 + k * 25 });
      }
    });
  }

  setMode(mode) {
    this.mode = mode;
    this.layout();
    this.initialView();
  }

  hasChildrenDrawn(id) {
    return this.cy.getElementById(id).outgoers(TREE).nonempty();
  }

  /** Loads the org's children (one level) and merges them in. */
  async expand(id) {
    const data = await gql(ORG_CHART, { root: id, depth: 1, units: this.units, asOf: this.asOf });
    this.merge(data.orgChart);
    this.layout();
  }

  /**
   * Opens the given orgs (their children, one level each) with one request each, all at once;
   * merges them parents first (ids in that order) and lays the chart out once.
   */
  async expandAll(ids) {
    if (!ids.length) {
      return;
    }
    const answers = await Promise.all(ids.map((id) => gql(ORG_CHART, { root: id, depth: 1, units: this.units, asOf: this.asOf })));
    answers.forEach((data) => this.merge(data.orgChart));
    this.layout();
  }

  /** Takes everything below the org out of the drawing. */
  collapse(id) {
    const node = this.cy.getElementById(id);
    const below = this.treeOf(node).nodes().difference(node);
    const lonelyUnits = below.outgoers(UNITS).filter((u) => u.incomers('edge[kind="SET_UP_IN"]').sources().difference(below).empty());
    below.union(lonelyUnits).remove();
    this.refreshLabels();
    this.layout();
  }

  /** Double-click: open the children of a closed org, close an open one. */
  async toggle(id) {
    const node = this.cy.getElementById(id);
    if (this.frozen || node.empty() || node.data('type') !== 'org' || node.data('external')) {
      return;
    }
    const before = node.renderedPosition();
    if (this.hasChildrenDrawn(id)) {
      this.collapse(id);
    }
    else if (node.data('childCount') > 0) {
      await this.expand(id);
    }
    // The org stays where it was on the screen; the chart moves around it.
    const after = node.renderedPosition();
    this.cy.panBy({ x: before.x - after.x, y: before.y - after.y });
  }

  /** Shows or hides the units orgs are set up in. */
  async setUnits(on) {
    this.units = on;
    if (!on) {
      this.cy.nodes(UNITS).remove();
      this.layout();
      this.initialView();
      return;
    }
    const levels = this.levels();
    const depth = Math.max(0, ...levels.values());
    const data = await gql(ORG_CHART, { root: this.root, depth, units: true, asOf: this.asOf });
    const drawn = new Set(this.cy.nodes(ORGS).map((n) => n.id()));
    const wanted = new Set(data.orgChart.edges
      .filter((e) => e.kind === 'SET_UP_IN' && drawn.has(e.source))
      .map((e) => e.target));
    this.merge({
      nodes: data.orgChart.nodes.filter((n) => n.unit && wanted.has(n.id)),
      edges: data.orgChart.edges.filter((e) => e.kind === 'SET_UP_IN' && drawn.has(e.source)),
    });
    this.layout();
    this.initialView();
  }

  /** Marks the given orgs, fades the rest; null clears. Answers how many are drawn. */
  highlight(orgIds) {
    const cy = this.cy;
    cy.elements().removeClass('pattern-hit faded');
    if (!orgIds) {
      return 0;
    }
    const ids = new Set(orgIds);
    const hits = cy.nodes(ORGS).filter((n) => ids.has(n.id()));
    cy.batch(() => {
      hits.addClass('pattern-hit');
      cy.elements().difference(hits).difference(hits.edgesWith(hits)).addClass('faded');
    });
    return hits.length;
  }

  /** Selects an org and brings it to the middle of the screen. */
  focus(id) {
    const node = this.cy.getElementById(id);
    if (node.empty()) {
      return false;
    }
    this.cy.$(':selected').unselect();
    node.select();
    this.cy.stop();
    this.cy.animate({ center: { eles: node }, zoom: Math.max(this.cy.zoom(), 0.9) }, { duration: 350 });
    return true;
  }

  /**
   * The zoom and pan that show all of eles (with their labels), at most life size: pattern
   * matches, a scenario's changes. Far apart, they are all in view all the same, small.
   */
  viewportFor(eles, padding = 40) {
    const cy = this.cy;
    const bb = eles.boundingBox();
    const w = Math.max(1, cy.width() - 2 * padding);
    const h = Math.max(1, cy.height() - 2 * padding);
    const zoom = Math.max(cy.minZoom(), Math.min(1, w / Math.max(1, bb.w), h / Math.max(1, bb.h)));
    const c = { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
    return { zoom, pan: { x: cy.width() / 2 - c.x * zoom, y: cy.height() / 2 - c.y * zoom } };
  }

  /** Brings eles into view (see viewportFor); animated unless told otherwise. */
  show(eles, animate = true) {
    if (!eles || eles.empty()) {
      return;
    }
    const target = this.viewportFor(eles);
    this.cy.stop();
    if (animate) {
      this.cy.animate(target, { duration: 300, complete: () => this.updateFarLabels() });
    }
    else {
      this.cy.viewport(target);
      this.updateFarLabels();
    }
  }

  /**
   * The whole chart when it can be read whole; else as much as can be read: zoomed to fit its
   * breadth (never below READABLE_ZOOM, never above life size), its first level at the edge and
   * the root in view, the rest a scroll away (a township's sixty villages are a column, not a
   * strip too thin to read).
   */
  wholeViewport() {
    const cy = this.cy;
    const all = cy.elements();
    const bb = all.boundingBox();
    const W = Math.max(1, cy.width());
    const H = Math.max(1, cy.height());
    const fit = Math.min((W - 2 * PADDING) / Math.max(1, bb.w), (H - 2 * PADDING) / Math.max(1, bb.h));
    if (fit >= READABLE_ZOOM || all.empty()) {
      return this.viewportFor(all, PADDING);
    }
    const breadth = this.sideways ? (W - 2 * PADDING) / Math.max(1, bb.w) : (H - 2 * PADDING) / Math.max(1, bb.h);
    const zoom = Math.min(1, Math.max(READABLE_ZOOM, breadth));
    const rootNode = cy.getElementById(this.root);
    const r = rootNode.nonempty() ? rootNode.position() : { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
    // Along each axis: the root in the middle, but no blank beyond the chart's edges.
    const place = (size, lo, hi, at) => {
      if ((hi - lo) * zoom <= size - 2 * PADDING) {
        return size / 2 - ((lo + hi) / 2) * zoom;
      }
      const centred = size / 2 - at * zoom;
      return Math.min(PADDING - lo * zoom, Math.max(size - PADDING - hi * zoom, centred));
    };
    return { zoom, pan: { x: place(W, bb.x1, bb.x2, r.x), y: place(H, bb.y1, bb.y2, r.y) } };
  }

  /** The chart as it opens (see wholeViewport). */
  initialView() {
    this.cy.stop();
    this.cy.viewport(this.wholeViewport());
    this.updateFarLabels();
  }

  /** 全圖: as the chart opens (see wholeViewport), animated. */
  fitAll() {
    this.cy.stop();
    this.cy.animate(this.wholeViewport(), { duration: 300, complete: () => this.updateFarLabels() });
  }
}
