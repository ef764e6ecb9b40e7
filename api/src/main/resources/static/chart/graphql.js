// Talks to the service's public GraphQL API (POST /graphql, same origin, the browser's login).
// Every call counts as "busy" for the loading indicator; failures become GraphQlError with a
// message a person can read (HTTP status, GraphQL errors with their paths, network failures).

import { endpoint } from './endpoint.js';

const listeners = new Set();
let inFlight = 0;

/** Calls fn(busy) whenever the number of requests in flight goes from 0 to 1 or back. */
export function onBusyChange(fn) {
  listeners.add(fn);
}

function setBusy(delta) {
  const before = inFlight > 0;
  inFlight += delta;
  const after = inFlight > 0;
  if (before !== after) {
    listeners.forEach((fn) => fn(after));
  }
}

export class GraphQlError extends Error {
  constructor(message, details = []) {
    super(message);
    this.name = 'GraphQlError';
    this.details = details;
  }
}

function describeErrors(errors) {
  return errors.map((e) => {
    const path = Array.isArray(e.path) && e.path.length ? ` (at ${e.path.join('.')})` : '';
    return `${e.message}${path}`;
  });
}

/** Runs a query; resolves to its data, rejects with a GraphQlError. */
export async function gql(query, variables = {}) {
  setBusy(1);
  try {
    let response;
    try {
      response = await fetch(endpoint(), {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/graphql-response+json, application/json',
        },
        body: JSON.stringify({ query, variables }),
      });
    }
    catch (ex) {
      throw new GraphQlError(`The service could not be reached: ${ex.message}`);
    }
    let body = null;
    const text = await response.text();
    try {
      body = text ? JSON.parse(text) : null;
    }
    catch (ex) {
      body = null;
    }
    if (body && Array.isArray(body.errors) && body.errors.length) {
      const details = describeErrors(body.errors);
      throw new GraphQlError(`GraphQL error: ${details.join('; ')}`, details);
    }
    if (!response.ok) {
      const hint = response.status === 401 || response.status === 403 ? ' (not logged in, or not allowed)' : '';
      throw new GraphQlError(`The service answered HTTP ${response.status}${hint}.`);
    }
    if (!body || !body.data) {
      throw new GraphQlError('The service answered without data.');
    }
    return body.data;
  }
  finally {
    setBusy(-1);
  }
}
