// The drawn org tree: loads orgChart from the API into Cytoscape, merges drill-downs, lays the
// tree out top-down (Cytoscape's breadthfirst layout) and keeps labels, badges and highlights.

import cytoscape from '../webjars/cytoscape/3.33.1/dist/cytoscape.esm.min.mjs';
import { gql } from './graphql.js';
import { ORG_CHART } from './queries.js';
import { stylesheet } from './style.js';

const TREE = 'edge[kind="SUBORDINATE_TO"]';
const ORGS = 'node[type="org"]';
const UNITS = 'node[type="unit"]';
const LEVEL_GAP = 150;
const LEVEL_GAP_WITH_UNITS = 230;
const NODE_GAP = 146;
const NODE_W = 128;
const NODE_H = 58;
const ROW_GAP = 68;
const ROW_GAP_WITH_UNITS = 104;
const COL_GAP = 176;
const COL_GAP_WITH_UNITS = 300;
const TOP_GAP = 420;

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
    this.mode = 'compact';
    this.issues = new Map();
  }

  /** Draws the tree below root, depth levels down; replaces what was drawn. */
  async load(root, depth) {
    const data = await gql(ORG_CHART, { root, depth, units: this.units });
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
      edges.push({ group: 'edges', data: { id, source, target, kind: e.kind } });
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
        let second = `${n.data('memberCount')}人`;
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
   * Lays the tree out top-down with Cytoscape's breadthfirst layout. Wide: one breadthfirst run
   * over the whole tree (every level one row). Compact (the default, for hundreds of orgs): the
   * root and its children top-down, and below each child its subtree as a sideways breadthfirst
   * tree, so that a level of hundreds of orgs does not become one endless row.
   */
  layout() {
    const cy = this.cy;
    const rootNode = cy.getElementById(this.root);
    cy.nodes(`${ORGS}`).removeClass('sideways');
    cy.edges(TREE).removeClass('sideways from-head');
    if (rootNode.empty()) {
      return;
    }
    const levels = this.levels();
    const treeDepth = Math.max(0, ...levels.values());
    this.slot = NODE_GAP;
    this.heads = null;
    if (this.mode === 'wide' || treeDepth < 2) {
      this.layoutWide(rootNode, levels);
    }
    else {
      this.layoutCompact(rootNode, levels);
    }
    // Co-managers outside the subtree: a row above the root.
    const outside = cy.nodes(`${ORGS}.external`);
    const rootPos = rootNode.position();
    outside.forEach((n, i) => {
      n.position({ x: rootPos.x + (i - (outside.length - 1) / 2) * NODE_GAP * 1.2, y: rootPos.y - LEVEL_GAP });
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

  layoutWide(rootNode, levels) {
    const perLevel = new Map();
    levels.forEach((l) => perLevel.set(l, (perLevel.get(l) || 0) + 1));
    const widest = Math.max(1, ...perLevel.values());
    const depth = Math.max(1, perLevel.size);
    const gap = this.units ? LEVEL_GAP_WITH_UNITS : LEVEL_GAP;
    this.treeOf(rootNode).layout({
      name: 'breadthfirst',
      directed: true,
      roots: rootNode,
      fit: false,
      animate: false,
      avoidOverlap: true,
      spacingFactor: 1,
      padding: 0,
      boundingBox: { x1: 0, y1: 0, w: widest * NODE_GAP, h: depth * gap },
    }).run();
  }

  /** A head's subtree as a sideways tree: its levels as columns, its widest level as rows. */
  block(head, levels) {
    const tree = this.treeOf(head);
    const perLevel = new Map();
    tree.nodes().forEach((n) => {
      const l = levels.get(n.id()) - levels.get(head.id());
      perLevel.set(l, (perLevel.get(l) || 0) + 1);
    });
    perLevel.delete(0);
    return { head, tree, rows: Math.max(1, ...perLevel.values()), columns: perLevel.size };
  }

  /** Lays a block out sideways with the head at home, its subtree to the right and below it. */
  placeBlock({ head, tree, rows, columns }, home, colGap, rowGap) {
    tree.edges().addClass('sideways');
    tree.nodes().addClass('sideways');
    head.outgoers(TREE).addClass('from-head');
    if (columns === 0) {
      head.position(home);
      return;
    }
    const below = tree.difference(head);
    // breadthfirst lays a tree downward; swapping x and y turns it sideways.
    tree.layout({
      name: 'breadthfirst',
      directed: true,
      roots: head,
      fit: false,
      animate: false,
      avoidOverlap: false,
      spacingFactor: 1,
      padding: 0,
      boundingBox: { x1: 0, y1: 0, w: (rows - 1) * rowGap + NODE_W, h: columns * colGap + NODE_H },
      transform: (node, pos) => ({ x: pos.y, y: pos.x }),
    }).run();
    const bb = below.nodes().boundingBox();
    const p = head.position();
    below.nodes().shift({ x: home.x - p.x, y: home.y + rowGap - bb.y1 + 8 });
    head.position(home);
  }

  /**
   * Compact: either the root's children top-down in a row, each heading a sideways block of its
   * subtree (a county: a dozen townships with tall blocks), or the whole tree as one sideways
   * block (a township: many villages with small subtrees); whichever shape suits the window.
   */
  layoutCompact(rootNode, levels) {
    const colGap = this.units ? COL_GAP_WITH_UNITS : COL_GAP;
    const rowGap = this.units ? ROW_GAP_WITH_UNITS : ROW_GAP;
    const children = rootNode.outgoers(TREE).targets();
    const blocks = children.map((child) => this.block(child, levels));
    const slot = Math.max(NODE_GAP, ...blocks.map((b) => b.columns * colGap + NODE_W + 40));
    const whole = this.block(rootNode, levels);
    const window = Math.max(0.5, this.cy.width() / Math.max(1, this.cy.height()));
    const rowShape = (children.length * slot) / (TOP_GAP + Math.max(...blocks.map((b) => b.rows)) * rowGap);
    const blockShape = (whole.columns * colGap + NODE_W) / ((whole.rows + 1) * rowGap);
    const misfit = (shape) => Math.abs(Math.log(shape / window));
    if (misfit(blockShape) < misfit(rowShape)) {
      this.slot = colGap;
      this.heads = rootNode;
      this.placeBlock(whole, { x: 0, y: 0 }, colGap, rowGap);
      return;
    }
    this.slot = slot;
    this.heads = rootNode.union(children);
    // The root and its children, top-down.
    rootNode.union(children).union(rootNode.outgoers(TREE)).layout({
      name: 'breadthfirst',
      directed: true,
      roots: rootNode,
      fit: false,
      animate: false,
      avoidOverlap: false,
      spacingFactor: 1,
      padding: 0,
      boundingBox: { x1: 0, y1: 0, w: Math.max(1, children.length) * slot, h: TOP_GAP },
    }).run();
    // Every child moves to the left edge of its slot; its block fills the slot to the right.
    const lead = (slot - NODE_W - 40) / 2;
    for (const block of blocks) {
      const p = block.head.position();
      this.placeBlock(block, { x: p.x - lead, y: p.y }, colGap, rowGap);
    }
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
    const data = await gql(ORG_CHART, { root: id, depth: 1, units: this.units });
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
    const answers = await Promise.all(ids.map((id) => gql(ORG_CHART, { root: id, depth: 1, units: this.units })));
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
    const data = await gql(ORG_CHART, { root: this.root, depth, units: true });
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

  /** The whole chart; a tall one-column chart instead fills the width from its top. */
  initialView() {
    const cy = this.cy;
    const bb = cy.elements().boundingBox();
    const tall = bb.h > 0 && bb.w / bb.h < 0.75 * (cy.width() / Math.max(1, cy.height()));
    if (!tall) {
      cy.fit(cy.elements(), 30);
    }
    else {
      const zoom = Math.min(1, (cy.width() - 60) / Math.max(1, bb.w));
      cy.zoom(zoom);
      cy.pan({ x: 30 - bb.x1 * zoom, y: 30 - bb.y1 * zoom });
    }
    this.updateFarLabels();
  }

  fitAll() {
    this.cy.animate({ fit: { eles: this.cy.elements(), padding: 30 } }, { duration: 300 });
  }
}
