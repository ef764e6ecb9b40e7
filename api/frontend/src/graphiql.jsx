// GraphiQL served by the jar (no CDN): React, GraphiQL and its CodeMirror editor, bundled by
// esbuild (build.mjs). Queries go to this service's /graphql, same origin, with the browser's
// login (HTTP Basic or session), as the org chart's do.
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';
import 'graphiql/graphiql.css';
import './graphiql-page.css';
// Shared with the org chart, which serves it as a module of its own.
import { endpoint } from '../../src/main/resources/static/chart/endpoint.js';

const url = endpoint();

async function fetcher(params, options) {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/graphql-response+json, application/json', 'Content-Type': 'application/json', ...(options && options.headers) },
    body: JSON.stringify(params),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  }
  catch {
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 500) || response.statusText}` }] };
  }
}

const container = document.getElementById('graphiql');
container.textContent = '';
createRoot(container).render(<GraphiQL fetcher={fetcher} defaultEditorToolsVisibility={false} />);
container.dataset.state = 'ready';
