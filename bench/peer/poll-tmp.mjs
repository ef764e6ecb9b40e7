import neo4j from 'neo4j-driver';
const [port, pw] = process.argv.slice(2);
const d = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', pw));
for (let i = 0; i < 90; i++) {
  const s = d.session();
  try {
    const r = await s.run("SHOW TRANSACTIONS YIELD transactionId, currentQuery, status, elapsedTime, waitTime, cpuTime, activeLockCount WHERE elapsedTime.milliseconds > 3000 RETURN *");
    for (const x of r.records) console.log(new Date().toISOString(), JSON.stringify({st: x.get('status'), el: x.get('elapsedTime').toString(), wait: x.get('waitTime').toString(), cpu: x.get('cpuTime')?.toString(), locks: x.get('activeLockCount').toString(), q: (x.get('currentQuery')||'').slice(0,120).replace(/\s+/g,' ')}));
  } catch (e) { console.log('err', e.message); }
  await s.close();
  await new Promise(r => setTimeout(r, 1000));
}
await d.close();
