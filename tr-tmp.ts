import { readFileSync } from 'node:fs';
import { loadDataConverter } from '@temporalio/common/lib/internal-non-workflow';
import { buildDecisionTrail, historyFromJson } from './replay';
import { testDataConverter } from './test/helpers/codec';
(async () => {
  for (const f of process.argv.slice(2)) {
    const history = historyFromJson(readFileSync(f, 'utf8'));
    const trail = await buildDecisionTrail([{ workflowId: 'x', runId: 'y', workflowType: 'claimWorkflow', history }], loadDataConverter(testDataConverter));
    console.log(JSON.stringify(trail, null, 1));
  }
})();
