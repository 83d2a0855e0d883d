// The export's sha256 hash chain, on a committed history: it verifies, and any change to an event breaks it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildExport,
  canonicalJson,
  GENESIS,
  hashChain,
  historyFromJson,
  historyToJson,
  sha256Hex,
  verifyExport,
  verifyHashChain,
  type JsonEvent,
} from '../../replay';
import { root } from '../helpers/paths';

const file = join(root, 'test', 'replay', 'histories', 'happy-path.json');
const events = (): JsonEvent[] => (JSON.parse(readFileSync(file, 'utf8')) as { events: JsonEvent[] }).events;

describe('the hash chain', () => {
  it('links each event to the one before: link n = sha256(link n-1 + canonical JSON of event n)', () => {
    const evs = events();
    const chain = hashChain(evs);
    expect(chain.links).toHaveLength(evs.length);
    expect(chain.links[0]).toBe(sha256Hex(GENESIS + canonicalJson(evs[0])));
    expect(chain.links[1]).toBe(sha256Hex(chain.links[0]! + canonicalJson(evs[1])));
    expect(chain.head).toBe(chain.links[evs.length - 1]);
  });

  it('verifies on an untouched history', () => {
    const evs = events();
    expect(verifyHashChain(evs, hashChain(evs))).toEqual({
      valid: true,
      head: hashChain(evs).head,
      events: evs.length,
    });
  });

  it('fails at the first altered event when one field of one event changes', () => {
    const evs = events();
    const chain = hashChain(evs);
    const target = evs.findIndex((e) => e.eventType === 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED');
    (evs[target] as { eventTime: string }).eventTime = '2020-01-01T00:00:00Z';
    const result = verifyHashChain(evs, chain);
    expect(result).toMatchObject({ valid: false, index: target, eventId: String(target + 1) });
  });

  it('fails when an event is dropped, or two are swapped', () => {
    const chain = hashChain(events());
    expect(verifyHashChain(events().slice(0, -1), chain).valid).toBe(false);
    const swapped = events();
    [swapped[3], swapped[4]] = [swapped[4]!, swapped[3]!];
    expect(verifyHashChain(swapped, chain)).toMatchObject({ valid: false, index: 3 });
  });

  it('gives the same link whatever the order of keys in the JSON', () => {
    const [first] = events();
    const reverse = (v: unknown): unknown =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(
            Object.entries(v)
              .reverse()
              .map(([k, x]) => [k, reverse(x)]),
          )
        : v;
    const reordered = reverse(first) as JsonEvent;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(first));
    expect(canonicalJson(reordered)).toBe(canonicalJson(first));
  });
});

describe('the export', () => {
  const history = historyFromJson(readFileSync(file, 'utf8'));
  const runs = [
    { workflowId: 'JKM-20261124-AAAAAAAA', runId: 'run-1', workflowType: 'claimWorkflow', history },
    { workflowId: 'JKM-20261124-AAAAAAAA-S1', runId: 'run-2', workflowType: 'scholarshipWorkflow', history },
  ];

  it('carries each history in the Temporal CLI JSON form, which parses back to the same history', () => {
    const doc = buildExport('JKM-20261124-AAAAAAAA', runs, { namespace: 'default' });
    expect(doc.runs[0]!.history).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    expect(historyToJson(historyFromJson(doc.runs[0]!.history))).toBe(readFileSync(file, 'utf8').trimEnd());
    expect(verifyExport(doc).valid).toBe(true);
  });

  it('fails verification when a run is dropped, or one event of a run is altered', () => {
    const dropped = buildExport('JKM-20261124-AAAAAAAA', runs, { namespace: 'default' });
    dropped.runs.pop();
    expect(verifyExport(dropped)).toMatchObject({ valid: false, digestValid: false });

    const altered = buildExport('JKM-20261124-AAAAAAAA', runs, { namespace: 'default' });
    (altered.runs[1]!.history.events[5] as { taskId?: string }).taskId = '1';
    const check = verifyExport(altered);
    expect(check.valid).toBe(false);
    expect(check.runs[0]!.valid).toBe(true);
    expect(check.runs[1]).toMatchObject({ valid: false, eventId: '6' });
  });
});
