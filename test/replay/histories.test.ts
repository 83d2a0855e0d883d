// Replay regression: every committed history (test/replay/histories/) replays against the current workflow
// code, and a deliberately altered copy fails with a determinism error. Re-record with `npm run record-histories`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeterminismViolationError } from '@temporalio/workflow';
import { replayOrThrow, Replayer, type RunReplayResult } from '../../replay';
import { testDataConverter } from '../helpers/codec';
import { bundlePath, root } from '../helpers/paths';

const dir = join(root, 'test', 'replay', 'histories');
/** Folders kept apart from the current recordings. */
const SPECIAL = new Set(['legacy', 'altered']);
/** A claim with scholarships is a folder: claim.json and S<n>-run-<k>.json, one per school year. */
const folders = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !SPECIAL.has(d.name))
  .map((d) => d.name);
/** Recorded from the current code by scripts/record-histories.ts. */
const current = [
  ...readdirSync(dir).filter((f) => f.endsWith('.json')),
  ...folders.flatMap((folder) =>
    readdirSync(join(dir, folder))
      .filter((f) => f.endsWith('.json'))
      .map((f) => `${folder}/${f}`),
  ),
];
/** Recorded before the patched() changes (commit ab8f985, no payload codec); kept forever, never re-recorded. */
const legacy = readdirSync(join(dir, 'legacy'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => `legacy/${f}`);
const altered = join(dir, 'altered', 'happy-path.activity-renamed.json');

const workflowBundle = { codePath: bundlePath };
const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as { events: unknown[] };

let results: Map<string, RunReplayResult>;

beforeAll(async () => {
  const replayer = new Replayer({ workflowBundle, dataConverter: testDataConverter });
  const files = [...current, ...legacy];
  const replayed = await replayer.replay(files.map((file) => ({ workflowId: file, history: read(file) })));
  results = new Map(replayed.map((r) => [r.workflowId, r]));
  // Every committed history in one replayer: about 25 s on an idle 2-core machine, more on a busy one.
}, 180_000);

describe('committed histories', () => {
  it('cover every claim path, recorded from the current code and from before the patches', () => {
    const paths = [
      'happy-path',
      'rejection',
      'escalation-supervisor-approval',
      'incomplete-documents',
      'refused-account',
      'repeated-refusals',
      'ineligible-unregistered',
      'ineligible-membership-ended',
    ];
    expect(current).toEqual(
      expect.arrayContaining([...paths, 'employer-pays-first'].map((p) => `${p}.json`)),
    );
    expect(legacy).toEqual(expect.arrayContaining(paths.map((p) => `legacy/${p}.json`)));
    expect(current).toContain('reviewed-account.json'); // a change of payee, since patch account-change-reviewed
    // Since patch claim-shape-fewer-round-trips: local activities, the steps written by the activities doing them.
    expect(current).toEqual(
      expect.arrayContaining(['claim-shape-happy-path.json', 'claim-shape-refused-account.json']),
    );
  });

  it('cover every accident path (npm run record-accident-histories)', () => {
    const accidentPaths = [
      'recovered',
      'partial-disability',
      'total-disability',
      'died',
      'not-work-accident',
    ];
    expect(current).toEqual(expect.arrayContaining(accidentPaths.map((p) => `accident-${p}.json`)));
  });

  it('cover the scholarship years, lapses and each stop, as the claim and every school-year run', () => {
    expect(folders).toEqual(
      expect.arrayContaining([
        'scholarship-full',
        'scholarship-lapses',
        'scholarship-married-working',
        'scholarship-died',
        'scholarship-age-limit',
        'scholarship-deferred-sd',
        'scholarship-proof-review',
      ]),
    );
    for (const folder of folders) expect(current).toContain(`${folder}/claim.json`);
    expect(current.filter((f) => f.startsWith('scholarship-full/S1-run-'))).toHaveLength(19);
  });

  it.each([...current, ...legacy])('replays %s against the current workflow code', (file) => {
    const result = results.get(file);
    expect(result).toMatchObject({ workflowId: file, deterministic: true });
    expect(result?.error).toBeUndefined();
    expect(result?.events).toBe(read(file).events.length);
  });
});

describe('the negative control', () => {
  it('differs from the recorded happy path in exactly one event', () => {
    const original = read('happy-path.json').events;
    const changed = (JSON.parse(readFileSync(altered, 'utf8')) as { events: unknown[] }).events;
    expect(changed).toHaveLength(original.length);
    const differing = changed.filter((e, i) => JSON.stringify(e) !== JSON.stringify(original[i]));
    expect(differing).toHaveLength(1);
  });

  it('fails to replay with a DeterminismViolationError', async () => {
    const history = JSON.parse(readFileSync(altered, 'utf8')) as unknown;
    const replay = replayOrThrow(
      { workflowBundle, dataConverter: testDataConverter },
      { workflowId: 'altered', history },
    );
    await expect(replay).rejects.toBeInstanceOf(DeterminismViolationError);
  });

  it('is reported as not deterministic, with the first divergence named', async () => {
    const replayer = new Replayer({ workflowBundle, dataConverter: testDataConverter });
    const [result] = await replayer.replay([
      { workflowId: 'altered', history: JSON.parse(readFileSync(altered, 'utf8')) },
    ]);
    expect(result).toMatchObject({ deterministic: false, error: { name: 'DeterminismViolationError' } });
    expect(result?.divergence).toMatch(/checkMembershipV2.*checkMembership/);
  });
});
