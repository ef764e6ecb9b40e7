// The one definition of where the pages send GraphQL: the org chart imports it as a module (served
// as is), GraphiQL's bundle (api/frontend, esbuild) takes it from here at build time.

/** The GraphQL endpoint next to this page, without any user:password the page URL may carry. */
export function endpoint() {
  const url = new URL('graphql', document.baseURI);
  url.username = '';
  url.password = '';
  url.hash = '';
  url.search = '';
  return url.toString();
}
