// The workflow bundle `npm run build` makes (bin/bundle.ts) is what production workers and the replayer load: it
// replays every committed history, and the altered one still fails. Production never bundles from source.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Replayer, type RunReplayResult } from '../../replay';
import { BUILT_BUNDLE_PATH, loadWorkflowBundle } from '../../workflow-bundle';
import { testDataConverter } from '../helpers/codec';
import { root } from '../helpers/paths';

const dir = join(root, 'test', 'replay', 'histories');

/** Every committed history, in every folder, except the deliberately altered negative control. */
function histories(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'altered' ? [] : histories(path);
    return entry.name.endsWith('.json') ? [relative(dir, path)] : [];
  });
}
const files = histories(dir);
const altered = 'altered/happy-path.activity-renamed.json';
const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as { events: unknown[] };

const scratch = mkdtempSync(join(tmpdir(), 'santunan-bundle-'));
const bundle = join(scratch, 'workflows.bundle.js');
/** As a production entry point passes its settings to the Replayer. */
const production = { NODE_ENV: 'production' as const, WORKFLOW_BUNDLE_PATH: bundle };
let results: Map<string, RunReplayResult>;

beforeAll(async () => {
  // The build step's bundler, run as `npm run build` runs it (one process, writing the file).
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bin', 'bundle.ts'), bundle], {
    cwd: root,
    stdio: 'ignore',
  });
  const replayer = new Replayer({ dataConverter: testDataConverter, bundleSettings: production });
  const replayed = await replayer.replay(
    [...files, altered].map((file) => ({ workflowId: file, history: read(file) })),
  );
  results = new Map(replayed.map((r) => [r.workflowId, r]));
}, 180_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the built workflow bundle', () => {
  it('is the one a production process loads, by path', async () => {
    expect(existsSync(bundle)).toBe(true);
    await expect(loadWorkflowBundle(production)).resolves.toEqual({ codePath: bundle });
  });

  it('covers the claim paths, the legacy recordings and the scholarship runs', () => {
    expect(files).toEqual(
      expect.arrayContaining(['happy-path.json', 'legacy/happy-path.json', 'scholarship-full/claim.json']),
    );
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files)('replays %s', (file) => {
    expect(results.get(file)).toMatchObject({ deterministic: true, events: read(file).events.length });
  });

  it('still fails the altered history with a determinism error', () => {
    expect(results.get(altered)).toMatchObject({
      deterministic: false,
      error: { name: 'DeterminismViolationError' },
    });
  });
});

describe('without a built bundle', () => {
  it('stops a production process, saying how to build one', async () => {
    expect(existsSync(BUILT_BUNDLE_PATH)).toBe(false);
    await expect(loadWorkflowBundle({ NODE_ENV: 'production' })).rejects.toThrow(/npm run build/);
    await expect(
      loadWorkflowBundle({ NODE_ENV: 'production', WORKFLOW_BUNDLE_PATH: join(scratch, 'missing.js') }),
    ).rejects.toThrow(/WORKFLOW_BUNDLE_PATH: no workflow bundle/);
  });

  it('is refused even with NODE_ENV unset, which is not development', async () => {
    await expect(loadWorkflowBundle({})).rejects.toThrow(/npm run build/);
  });
});
