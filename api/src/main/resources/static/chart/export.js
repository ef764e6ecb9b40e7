// Export of the drawing: PNG from Cytoscape's own renderer; SVG serialized here from what
// Cytoscape drew (no SVG export WebJar is published on Maven Central, and the cytoscape-svg
// extension is GPL-3.0). The SVG takes every position, size, colour, border, label and edge
// route from Cytoscape's rendered style and geometry (node positions, edge endpoints, taxi
// segments, bezier control points): it is an export of the layout, never a layout of its own.

const MAX_SIDE = 8000;
const SVG_NS = 'http://www.w3.org/2000/svg';
const PADDING = 24;

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return url;
}

/** A file name part without characters file systems refuse. */
function safe(name) {
  return String(name).replace(/[\\/:*?"<>|\s]+/g, '_');
}

/** full: the whole chart as drawn; otherwise what the window shows. */
export function exportPng(cy, rootId, full) {
  const blob = cy.png({
    output: 'blob',
    full,
    bg: '#ffffff',
    scale: full ? 1 : 2,
    maxWidth: MAX_SIDE,
    maxHeight: MAX_SIDE,
  });
  const name = `org-chart-${safe(rootId)}${full ? '' : '-view'}.png`;
  const url = download(blob, name);
  const result = { type: blob.type, size: blob.size, name, url };
  window.lastExport = result;
  return result;
}

// --- SVG

/** Text and attribute values: XML-escaped, characters XML 1.0 forbids dropped. */
function esc(value) {
  return String(value)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function num(value) {
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : 0;
}

function px(ele, property) {
  const v = ele.pstyle(property);
  return v && Number.isFinite(v.pfValue) ? v.pfValue : Number.parseFloat(ele.style(property)) || 0;
}

function attrs(map) {
  return Object.entries(map)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => ` ${k}="${esc(typeof v === 'number' ? num(v) : v)}"`)
    .join('');
}

function dashArray(style, width, pattern) {
  if (style === 'dashed') {
    return (pattern && pattern.length ? pattern : [6, 3]).map(num).join(' ');
  }
  if (style === 'dotted') {
    return `${num(Math.max(1, width))} ${num(Math.max(2, width * 2))}`;
  }
  return undefined;
}

/** The outline of a node shape Cytoscape draws, as an SVG element string. */
function shapeOf(shape, x, y, w, h, paint) {
  const left = x - w / 2;
  const top = y - h / 2;
  if (shape === 'ellipse') {
    return `<ellipse${attrs({ cx: x, cy: y, rx: w / 2, ry: h / 2, ...paint })}/>`;
  }
  if (shape === 'cut-rectangle') {
    const c = Math.min(8, w / 4, h / 4);
    const pts = [[left + c, top], [left + w - c, top], [left + w, top + c], [left + w, top + h - c],
      [left + w - c, top + h], [left + c, top + h], [left, top + h - c], [left, top + c]];
    return `<polygon${attrs({ points: pts.map((p) => `${num(p[0])},${num(p[1])}`).join(' '), ...paint })}/>`;
  }
  const r = shape.startsWith('round') ? Math.min(8, w / 4, h / 4) : 0;
  return `<rect${attrs({ x: left, y: top, width: w, height: h, rx: r || undefined, ...paint })}/>`;
}

let measureContext = null;

function measurer(font) {
  if (!measureContext) {
    measureContext = document.createElement('canvas').getContext('2d');
  }
  measureContext.font = font;
  return (text) => measureContext.measureText(text).width;
}

/** The label's lines as Cytoscape wraps them: at \n, and (wrap) at the max width, anywhere. */
function labelLines(text, mode, maxWidth, measure) {
  const lines = String(text).split('\n');
  if (mode === 'wrap') {
    const out = [];
    for (const line of lines) {
      let current = '';
      for (const ch of line) {
        if (current && measure(current + ch) > maxWidth) {
          out.push(current);
          current = ch;
        }
        else {
          current += ch;
        }
      }
      out.push(current);
    }
    return out;
  }
  if (mode === 'ellipsis') {
    return lines.map((line) => {
      if (measure(line) <= maxWidth) {
        return line;
      }
      let cut = line;
      while (cut.length > 1 && measure(`${cut}…`) > maxWidth) {
        cut = cut.slice(0, -1);
      }
      return `${cut}…`;
    });
  }
  return lines;
}

function nodeLabel(n, x, y, h) {
  const text = n.pstyle('label').strValue;
  if (!text) {
    return '';
  }
  const size = px(n, 'font-size');
  const weight = n.style('font-weight');
  const family = n.style('font-family');
  const measure = measurer(`${weight} ${size}px ${family}`);
  const lines = labelLines(text, n.style('text-wrap'), px(n, 'text-max-width'), measure);
  const lineHeight = size * (Number.parseFloat(n.style('line-height')) || 1.2);
  const total = lines.length * lineHeight;
  const valign = n.style('text-valign');
  const marginY = px(n, 'text-margin-y');
  let top = y - total / 2;
  if (valign === 'top') {
    top = y - h / 2 - total + marginY;
  }
  else if (valign === 'bottom') {
    top = y + h / 2 + marginY;
  }
  top += marginY && valign === 'center' ? marginY : 0;
  let out = '';
  const bgOpacity = Number.parseFloat(n.style('text-background-opacity')) || 0;
  if (bgOpacity > 0) {
    const width = Math.max(...lines.map(measure));
    const pad = px(n, 'text-background-padding');
    out += `<rect${attrs({
      x: x - width / 2 - pad, y: top - pad, width: width + 2 * pad, height: total + 2 * pad,
      fill: n.style('text-background-color'), 'fill-opacity': bgOpacity,
    })}/>`;
  }
  out += `<text${attrs({
    x, 'text-anchor': 'middle', 'font-size': size, 'font-weight': weight === 'normal' ? undefined : weight,
    'font-family': family, fill: n.style('color'),
  })}>`;
  lines.forEach((line, i) => {
    out += `<tspan${attrs({ x, y: top + lineHeight * (i + 0.5), 'dominant-baseline': 'central' })}>${esc(line)}</tspan>`;
  });
  return `${out}</text>`;
}

function nodeSvg(n) {
  const { x, y } = n.position();
  const w = n.width();
  const h = n.height();
  const shape = n.style('shape');
  const opacity = n.effectiveOpacity();
  const parts = [];
  const underlay = Number.parseFloat(n.style('underlay-opacity')) || 0;
  if (underlay > 0) {
    const pad = px(n, 'underlay-padding');
    parts.push(shapeOf(n.style('underlay-shape') || 'round-rectangle', x, y, w + 2 * pad, h + 2 * pad,
      { fill: n.style('underlay-color'), 'fill-opacity': underlay }));
  }
  const borderWidth = px(n, 'border-width');
  const borderStyle = n.style('border-style');
  parts.push(shapeOf(shape, x, y, w, h, {
    fill: n.style('background-color'),
    'fill-opacity': Number.parseFloat(n.style('background-opacity')),
    stroke: borderWidth > 0 ? n.style('border-color') : 'none',
    'stroke-width': borderWidth > 0 ? borderWidth : undefined,
    'stroke-dasharray': dashArray(borderStyle, borderWidth, [borderWidth * 2, borderWidth]),
  }));
  if (borderStyle === 'double' && borderWidth >= 3) {
    const inset = borderWidth * 0.66;
    parts.push(shapeOf(shape, x, y, w - 2 * inset, h - 2 * inset, {
      fill: 'none', stroke: '#ffffff', 'stroke-width': borderWidth / 3,
    }));
  }
  if (n.style('background-image') !== 'none' && n.hasClass('sc-dissolved')) {
    // The cross Cytoscape draws from the background image.
    parts.push(`<path${attrs({
      d: `M${num(x - w / 2)} ${num(y - h / 2)} L${num(x + w / 2)} ${num(y + h / 2)} M${num(x + w / 2)} ${num(y - h / 2)} L${num(x - w / 2)} ${num(y + h / 2)}`,
      stroke: '#374151', 'stroke-width': 2.5, fill: 'none',
    })}/>`);
  }
  parts.push(nodeLabel(n, x, y, h));
  return `<g${attrs({
    class: `node ${n.data('type') || ''}`.trim(), 'data-id': n.id(), 'data-kind': n.data('kind'),
    opacity: opacity < 1 ? opacity : undefined,
  })}><title>${esc(n.data('name') || n.id())}</title>${parts.join('')}</g>`;
}

/** The edge's route as drawn: endpoints, taxi or segment corners, bezier control points. */
function edgePath(e) {
  const s = e.sourceEndpoint();
  const t = e.targetEndpoint();
  const curve = e.style('curve-style');
  const segments = curve === 'taxi' || curve === 'segments' ? e.segmentPoints() : null;
  const controls = curve.includes('bezier') ? e.controlPoints() : null;
  let d = `M${num(s.x)} ${num(s.y)}`;
  let last = s;
  if (segments && segments.length) {
    segments.forEach((p) => {
      d += ` L${num(p.x)} ${num(p.y)}`;
    });
    last = segments[segments.length - 1];
    d += ` L${num(t.x)} ${num(t.y)}`;
  }
  else if (controls && controls.length) {
    controls.forEach((c, i) => {
      const next = i + 1 < controls.length
        ? { x: (c.x + controls[i + 1].x) / 2, y: (c.y + controls[i + 1].y) / 2 }
        : t;
      d += ` Q${num(c.x)} ${num(c.y)} ${num(next.x)} ${num(next.y)}`;
    });
    last = controls[controls.length - 1];
  }
  else {
    d += ` L${num(t.x)} ${num(t.y)}`;
  }
  return { d, from: last, to: t };
}

function edgeSvg(e) {
  const width = px(e, 'width');
  const color = e.style('line-color');
  const { d, from, to } = edgePath(e);
  const opacity = e.effectiveOpacity();
  let out = `<path${attrs({
    d, fill: 'none', stroke: color, 'stroke-width': width,
    'stroke-dasharray': dashArray(e.style('line-style'), width, e.pstyle('line-dash-pattern').pfValue),
  })}/>`;
  const arrow = e.style('target-arrow-shape');
  if (arrow && arrow !== 'none') {
    const angle = Math.atan2(to.y - from.y, to.x - from.x);
    const size = Math.max(7, width * 4);
    const back = (a) => ({ x: to.x - size * Math.cos(angle + a), y: to.y - size * Math.sin(angle + a) });
    const [p1, p2] = [back(0.45), back(-0.45)];
    out += `<polygon${attrs({
      points: `${num(to.x)},${num(to.y)} ${num(p1.x)},${num(p1.y)} ${num(p2.x)},${num(p2.y)}`,
      fill: e.style('target-arrow-color'),
    })}/>`;
  }
  return `<g${attrs({
    class: 'edge', 'data-kind': e.data('kind'), 'data-source': e.source().id(), 'data-target': e.target().id(),
    opacity: opacity < 1 ? opacity : undefined,
  })}>${out}</g>`;
}

/**
 * The chart as an SVG document (a string): full, the whole chart as drawn; otherwise the part the
 * window shows (everything drawn is in the file, the view box clips it).
 */
export function chartSvg(cy, full) {
  const visible = cy.elements(':visible');
  let box;
  let width;
  let height;
  if (full) {
    const bb = visible.boundingBox({ includeLabels: true, includeOverlays: false, includeUnderlays: true });
    box = { x: bb.x1 - PADDING, y: bb.y1 - PADDING, w: bb.w + 2 * PADDING, h: bb.h + 2 * PADDING };
    const scale = Math.min(1, MAX_SIDE / Math.max(box.w, box.h));
    width = box.w * scale;
    height = box.h * scale;
  }
  else {
    const ext = cy.extent();
    box = { x: ext.x1, y: ext.y1, w: ext.w, h: ext.h };
    width = cy.width();
    height = cy.height();
  }
  const edges = visible.edges().sort((a, b) => px(a, 'z-index') - px(b, 'z-index'));
  const nodes = visible.nodes();
  const family = nodes.nonempty() ? nodes.first().style('font-family') : 'sans-serif';
  return '<?xml version="1.0" encoding="UTF-8"?>\n'
    + `<svg${attrs({
      xmlns: SVG_NS, version: '1.1', width, height,
      viewBox: `${num(box.x)} ${num(box.y)} ${num(box.w)} ${num(box.h)}`, 'font-family': family,
    })}>\n`
    + `<title>${esc(document.title)}</title>\n`
    + `<rect${attrs({ x: box.x, y: box.y, width: box.w, height: box.h, fill: '#ffffff' })}/>\n`
    + `<g class="edges">\n${edges.map(edgeSvg).join('\n')}\n</g>\n`
    + `<g class="nodes">\n${nodes.map(nodeSvg).join('\n')}\n</g>\n`
    + '</svg>\n';
}

/** Downloads the chart as SVG; full as for {@link chartSvg}. */
export function exportSvg(cy, rootId, full) {
  const svg = chartSvg(cy, full);
  const blob = new Blob([svg], { type: 'image/svg+xml;charset=utf-8' });
  const name = `org-chart-${safe(rootId)}${full ? '' : '-view'}.svg`;
  const url = download(blob, name);
  const result = { type: 'image/svg+xml', size: blob.size, name, url, nodes: cy.nodes(':visible').length };
  window.lastExport = result;
  return result;
}
