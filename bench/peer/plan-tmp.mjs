import neo4j from 'neo4j-driver';
import fs from 'fs';
const [port, pw, file] = process.argv.slice(2);
const q = fs.readFileSync(file, 'utf8');
const d = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', pw));
const s = d.session();
for (let i = 0; i < 6; i++) { const t = Date.now(); await s.run('EXPLAIN ' + q + ' // ' + i, {within: 'o-t-wjy'}); console.log('explain ms', Date.now() - t); }
await s.close(); await d.close();
