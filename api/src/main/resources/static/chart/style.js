// How the chart looks: colours by org kind (named in the page's language, chart/i18n.js), node and
// edge styles.

import { t } from './i18n.js';

export const ORG_KINDS = [
  { kind: 'COUNTY_COMMITTEE', color: '#7a1f2b' },
  { kind: 'TOWNSHIP_COMMITTEE', color: '#b35c00' },
  { kind: 'WORKING_COMMITTEE', color: '#6a3d9a' },
  { kind: 'PRIMARY_COMMITTEE', color: '#1f5fa8' },
  { kind: 'GENERAL_BRANCH', color: '#0f7c7c' },
  { kind: 'BRANCH', color: '#2e7d32' },
  { kind: 'JOINT_BRANCH', color: '#7d7d16' },
  { kind: 'PARTY_GROUP', color: '#5d6d7e' },
];

/** The four patterns, each named in the page's language (chart.patternName.*). */
export const PATTERNS = ['ENTERPRISE_BASE', 'INDUSTRY_PARK', 'VILLAGE_COOPERATIVE', 'VILLAGE_TRADE_BRANCH']
  .map((pattern) => ({ pattern, name: t(`chart.patternName.${pattern}`) }));

export const CO_MANAGED_COLOR = '#d35400';
/** A first secretary's dispatch (第一書記): from the sending org to the village's org. */
export const DISPATCH_COLOR = '#c2185b';
/** Mobile members (流動黨員): from their home org to the org they flow in at, labelled with how many. */
export const AWAY_COLOR = '#00897b';
export const ISSUE_COLOR = '#e00000';
/** The before side of a scenario: the orgs it will change. */
export const WILL_CHANGE_COLOR = '#7b3fe4';

/** How the scenario view marks what a saved what-if changes (after-chart), with the legend's names. */
export const SCENARIO_MARKS = {
  created: { color: '#14a44d', sign: '＋' },
  moved: { color: '#7b3fe4', sign: '⇄' },
  dissolved: { color: '#6b7280', sign: '✕' },
  kind: { color: '#e6a100', sign: '↑' },
  members: { color: '#00a3d9', sign: '±' },
};

/** A scenario mark's name in the page's language (chart.mark.*). */
export function markName(key) {
  return t(`chart.mark.${key}`);
}

/** A cross drawn over a dissolved org. */
const CROSS = `data:image/svg+xml;utf8,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100" preserveAspectRatio="none">'
  + '<path d="M4 4 L96 96 M96 4 L4 96" stroke="#374151" stroke-width="5" fill="none"/></svg>')}`;

const FONT = '"Noto Sans CJK TC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft JhengHei", '
  + '"PingFang TC", system-ui, sans-serif';

/** An org kind's colour and its name in the page's language (the code itself for an unknown kind). */
export function kindInfo(kind) {
  const found = ORG_KINDS.find((k) => k.kind === kind);
  return found ? { ...found, name: t(`chart.kind.${kind}`) } : { kind, name: kind, color: '#555' };
}

export function stylesheet() {
  const byKind = ORG_KINDS.map((k) => ({
    selector: `node[type="org"][kind="${k.kind}"]`,
    style: { 'background-color': k.color, 'border-color': k.color },
  }));
  return [
    {
      selector: 'node[type="org"]',
      style: {
        shape: 'round-rectangle',
        width: 128,
        height: 58,
        label: 'data(display)',
        color: '#fff',
        'font-family': FONT,
        'font-size': 12,
        'text-valign': 'center',
        'text-halign': 'center',
        'text-wrap': 'wrap',
        'text-max-width': 118,
        'text-overflow-wrap': 'anywhere',
        'line-height': 1.15,
        'border-width': 2,
        'min-zoomed-font-size': 6,
      },
    },
    ...byKind,
    {
      selector: 'node[type="org"][kind="COUNTY_COMMITTEE"], node[type="org"][kind="TOWNSHIP_COMMITTEE"], node[type="org"][kind="WORKING_COMMITTEE"]',
      style: { width: 150, height: 64, 'font-size': 14, 'font-weight': 'bold', 'text-max-width': 140 },
    },
    {
      selector: 'node[type="org"][kind="PARTY_GROUP"]',
      style: { shape: 'round-rectangle', width: 112, height: 48, 'font-size': 11, 'text-max-width': 104 },
    },
    {
      // Children not drawn yet: a double border says "double-click to open".
      selector: 'node[type="org"][hidden > 0]',
      style: { 'border-style': 'double', 'border-width': 6, 'border-color': '#1b2631' },
    },
    {
      selector: 'node[type="org"].external',
      style: { 'background-opacity': 0.55, 'border-style': 'dashed', 'border-color': CO_MANAGED_COLOR, 'border-width': 3 },
    },
    {
      selector: 'node[type="org"][issues > 0]',
      style: {
        'border-color': ISSUE_COLOR,
        'border-width': 5,
        'border-style': 'solid',
        'underlay-color': ISSUE_COLOR,
        'underlay-padding': 8,
        'underlay-opacity': 0.3,
        'underlay-shape': 'round-rectangle',
      },
    },
    {
      // Zoomed far out: the heads of the chart keep a readable name above them.
      selector: 'node[type="org"].head.far',
      style: {
        label: 'data(name)',
        'text-valign': 'top',
        'text-margin-y': -6,
        'text-wrap': 'wrap',
        'text-max-width': 'data(farWidth)',
        color: '#1b2631',
        'font-size': 'data(farFont)',
        'font-weight': 'bold',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': 2,
        'min-zoomed-font-size': 0,
      },
    },
    {
      selector: 'node[type="unit"]',
      style: {
        shape: 'cut-rectangle',
        width: 112,
        height: 22,
        label: 'data(display)',
        'font-family': FONT,
        'font-size': 10,
        color: '#1b2631',
        'background-color': '#eef2f6',
        'border-color': '#8a97a6',
        'border-width': 1,
        'text-valign': 'center',
        'text-halign': 'center',
        'text-wrap': 'ellipsis',
        'text-max-width': 104,
        'min-zoomed-font-size': 6,
      },
    },
    {
      selector: 'edge',
      style: { width: 1.5, 'line-color': '#9aa5b1', 'curve-style': 'straight' },
    },
    {
      selector: 'edge[kind="SUBORDINATE_TO"]',
      style: {
        'curve-style': 'taxi',
        'taxi-direction': 'downward',
        'taxi-turn': 28,
        'line-color': '#9aa5b1',
        width: 1.5,
      },
    },
    {
      // Inside a sideways sub-tree: a straight line from the parent's right to the child's left.
      selector: 'edge[kind="SUBORDINATE_TO"].sideways',
      style: { 'curve-style': 'straight', 'source-endpoint': '50% 0%', 'target-endpoint': '-50% 0%' },
    },
    {
      // From a column's head (one parent for the whole column): a shared spine, elbows to each child.
      selector: 'edge[kind="SUBORDINATE_TO"].sideways.from-head',
      style: { 'curve-style': 'taxi', 'taxi-direction': 'rightward', 'taxi-turn': 20, 'source-endpoint': 'outside-to-node', 'target-endpoint': 'outside-to-node' },
    },
    {
      selector: 'edge[kind="CO_MANAGED_BY"]',
      style: {
        'curve-style': 'unbundled-bezier',
        'control-point-distances': [80],
        'control-point-weights': [0.5],
        'line-style': 'dashed',
        'line-dash-pattern': [8, 5],
        'line-color': CO_MANAGED_COLOR,
        'target-arrow-color': CO_MANAGED_COLOR,
        'target-arrow-shape': 'triangle',
        width: 2,
        opacity: 0.7,
        'z-index': 5,
      },
    },
    {
      // First secretaries sent (派駐): bent the other way from co-management, so the two part.
      selector: 'edge[kind="DISPATCH"]',
      style: {
        'curve-style': 'unbundled-bezier',
        'control-point-distances': [-60],
        'control-point-weights': [0.5],
        'line-style': 'dashed',
        'line-dash-pattern': [3, 4],
        'line-color': DISPATCH_COLOR,
        'target-arrow-color': DISPATCH_COLOR,
        'target-arrow-shape': 'triangle',
        width: 2,
        opacity: 0.8,
        'z-index': 6,
      },
    },
    {
      // Members away (流動黨員): drawn over the tree like the other two, bent less, with their count.
      selector: 'edge[kind="AWAY"]',
      style: {
        'curve-style': 'unbundled-bezier',
        'control-point-distances': [35],
        'control-point-weights': [0.5],
        'line-style': 'dashed',
        'line-dash-pattern': [9, 3, 2, 3],
        'line-color': AWAY_COLOR,
        'target-arrow-color': AWAY_COLOR,
        'target-arrow-shape': 'vee',
        label: 'data(count)',
        'font-size': 9,
        color: AWAY_COLOR,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': 1,
        width: 1.6,
        opacity: 0.8,
        'z-index': 6,
      },
    },
    {
      selector: 'edge[kind="SET_UP_IN"]',
      style: { 'line-style': 'dotted', 'line-color': '#8a97a6', width: 1.2 },
    },
    {
      selector: '.pattern-hit',
      style: {
        'underlay-color': '#f1c40f',
        'underlay-padding': 10,
        'underlay-opacity': 0.9,
        'underlay-shape': 'round-rectangle',
      },
    },
    {
      selector: '.faded',
      style: { opacity: 0.22 },
    },
    {
      // The scenario view. After: what the saved what-if creates, moves, dissolves, re-kinds; where
      // its members go. Before: the orgs it will change.
      selector: 'node[type="org"].sc-members',
      style: {
        'underlay-color': SCENARIO_MARKS.members.color,
        'underlay-padding': 9,
        'underlay-opacity': 0.55,
        'underlay-shape': 'round-rectangle',
      },
    },
    {
      selector: 'node[type="org"].sc-kind',
      style: { 'border-color': SCENARIO_MARKS.kind.color, 'border-width': 6, 'border-style': 'solid' },
    },
    {
      selector: 'node[type="org"].sc-moved',
      style: {
        'border-color': SCENARIO_MARKS.moved.color,
        'border-width': 6,
        'border-style': 'dashed',
        'underlay-color': SCENARIO_MARKS.moved.color,
        'underlay-padding': 9,
        'underlay-opacity': 0.5,
        'underlay-shape': 'round-rectangle',
      },
    },
    {
      selector: 'node[type="org"].sc-created',
      style: {
        'border-color': SCENARIO_MARKS.created.color,
        'border-width': 7,
        'border-style': 'double',
        'underlay-color': SCENARIO_MARKS.created.color,
        'underlay-padding': 9,
        'underlay-opacity': 0.55,
        'underlay-shape': 'round-rectangle',
      },
    },
    {
      selector: 'node[type="org"].sc-dissolved',
      style: {
        'background-opacity': 0.3,
        'background-image': CROSS,
        'background-fit': 'none',
        'background-width': '100%',
        'background-height': '100%',
        'background-image-opacity': 0.9,
        'border-color': SCENARIO_MARKS.dissolved.color,
        'border-style': 'dashed',
        'border-width': 3,
        color: '#1b2631',
        'underlay-opacity': 0,
      },
    },
    {
      selector: 'node[type="org"].sc-will-change',
      style: {
        'underlay-color': WILL_CHANGE_COLOR,
        'underlay-padding': 7,
        'underlay-opacity': 0.25,
        'underlay-shape': 'round-rectangle',
      },
    },
    {
      selector: 'edge.sc-new-edge',
      style: { 'line-color': SCENARIO_MARKS.moved.color, width: 3 },
    },
    {
      selector: 'edge.sc-created-edge',
      style: { 'line-color': SCENARIO_MARKS.created.color, width: 3 },
    },
    {
      selector: 'edge.sc-gone-edge',
      style: { 'line-style': 'dotted', 'line-color': SCENARIO_MARKS.dissolved.color, opacity: 0.6 },
    },
    {
      // Where a moved org hung before: a faint dotted line, left out of the layout.
      selector: 'edge[kind="WAS_SUBORDINATE_TO"]',
      style: {
        'curve-style': 'unbundled-bezier',
        'control-point-distances': [-60],
        'control-point-weights': [0.5],
        'line-style': 'dotted',
        'line-color': SCENARIO_MARKS.moved.color,
        width: 2,
        opacity: 0.55,
        'target-arrow-shape': 'triangle',
        'target-arrow-color': SCENARIO_MARKS.moved.color,
      },
    },
    {
      selector: 'node:selected',
      style: {
        'overlay-color': '#2e86de',
        'overlay-padding': 8,
        'overlay-opacity': 0.35,
      },
    },
    {
      // The selected org's relations stand out, so that long lines can be followed.
      selector: 'edge.focus-edge',
      style: { width: 3.5, opacity: 1, 'line-color': '#2e86de', 'target-arrow-color': '#2e86de', 'z-index': 20 },
    },
  ];
}
