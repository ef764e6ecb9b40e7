// Export of the drawing as PNG (Cytoscape's own renderer). No SVG: no WebJar of cytoscape-svg is
// published on Maven Central.

const MAX_SIDE = 8000;

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
  const name = `org-chart-${rootId}${full ? '' : '-view'}.png`;
  const url = download(blob, name);
  const result = { type: blob.type, size: blob.size, name, url };
  window.lastExport = result;
  return result;
}
