// The chart's tree layout: dagre (a layered layout) as a Cytoscape extension, for
// static/chart/graph.js to register with Cytoscape (cytoscape.use).
export { default } from 'cytoscape-dagre';
