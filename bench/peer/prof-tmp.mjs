import neo4j from 'neo4j-driver';
import fs from 'fs';
const [port, pw, file, within] = process.argv.slice(2);
const q = fs.readFileSync(file, 'utf8');
const d = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', pw));
const s = d.session();
const params = JSON.parse(within);
for (let i = 0; i < 2; i++) { const t = Date.now(); await s.run(q, params); console.log('run ms', Date.now() - t); }
const r = await s.run('PROFILE ' + q, params);
function walk(p, depth) {
  const a = p.arguments || {};
  console.log(' '.repeat(depth*2) + p.operatorType + ' rows=' + p.rows + ' hits=' + p.dbHits + ' ' + (a.Details || '').slice(0, 110).replace(/\s+/g,' '));
  (p.children || []).forEach(c => walk(c, depth + 1));
}
walk(r.summary.profile, 0);
await s.close(); await d.close();
