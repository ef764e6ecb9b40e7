// The peer of the latency benchmark (issue #7): @neo4j/graphql 7 with @apollo/server 5, serving the
// Neo4j that party-graph uses, over the same Bolt port. The type definitions (typeDefs.graphql) generate no mutations.
//
//   npm ci --prefix bench/peer
//   NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD_FILE=data/neo4j-password PEER_PORT=4000 node bench/peer/server.mjs
//
// Environment: NEO4J_URI (default bolt://127.0.0.1:$BOLT_PORT, BOLT_PORT default 7687), NEO4J_USER
// (default neo4j), NEO4J_PASSWORD or NEO4J_PASSWORD_FILE (<data-dir>/neo4j-password), PEER_PORT
// (default 4000; 0 picks a free one). Listens on 127.0.0.1 only and prints "peer ready <url>".
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const here = dirname(fileURLToPath(import.meta.url));
const typeDefs = readFileSync(join(here, "typeDefs.graphql"), "utf8");

const uri = process.env.NEO4J_URI ?? `bolt://127.0.0.1:${process.env.BOLT_PORT ?? "7687"}`;
const user = process.env.NEO4J_USER ?? "neo4j";
const password =
  process.env.NEO4J_PASSWORD ??
  (process.env.NEO4J_PASSWORD_FILE ? readFileSync(process.env.NEO4J_PASSWORD_FILE, "utf8").trim() : undefined);
if (!password) {
  console.error("set NEO4J_PASSWORD or NEO4J_PASSWORD_FILE (<data-dir>/neo4j-password)");
  process.exit(2);
}
const port = Number(process.env.PEER_PORT ?? "4000");

const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
await driver.verifyConnectivity();

const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
const schema = await neoSchema.getSchema();

const server = new ApolloServer({ schema, introspection: true });
const { url } = await startStandaloneServer(server, {
  listen: { host: "127.0.0.1", port },
});
console.log(`peer ready ${url}`);

async function shutdown() {
  await server.stop();
  await driver.close();
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
