import { readFileSync, readdirSync } from 'node:fs';
import { Replayer } from './replay';
import { alterHappyPath } from './scripts/record-histories';
import { testDataConverter } from './test/helpers/codec';
(async () => {
  const r = new Replayer({ dataConverter: testDataConverter });
  const t0 = Date.now();
  await r.workflowBundle();
  console.log('bundle', Date.now() - t0);
  const dirs = ['test/replay/histories/legacy', '/tmp/rec1'];
  const inputs = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.json')).map((f) => ({ workflowId: f, history: JSON.parse(readFileSync(`${d}/${f}`, 'utf8')) })));
  inputs.push({ workflowId: 'altered', history: JSON.parse(alterHappyPath(readFileSync('test/replay/histories/legacy/happy-path.json', 'utf8'))) });
  const t1 = Date.now();
  for (const res of await r.replay(inputs)) console.log(JSON.stringify(res).slice(0, 600));
  console.log('replay ms', Date.now() - t1);
})();
