// A sha256 hash chain over a history's events: link n = sha256(link n-1 + canonical JSON of event n).
// Altering, dropping, inserting or reordering any event changes its link and every link after it.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../vocabulary/canonical-json';

// Re-exported: whoever verifies an export serialises events with the same function.
export { canonicalJson };

export const HASH_ALGORITHM = 'sha256';
/** The "previous hash" of the first event. */
export const GENESIS = '0'.repeat(64);

export interface HashChain {
  algorithm: typeof HASH_ALGORITHM;
  /** How each event is serialised before hashing. */
  canonicalization: 'json-sorted-keys';
  genesis: string;
  /** One link per event, in event order (hex). */
  links: string[];
  /** The last link: the fingerprint of the whole history. */
  head: string;
}

export type ChainVerification =
  | { valid: true; head: string; events: number }
  | { valid: false; index: number; eventId?: string; reason: string };

export function sha256Hex(text: string): string {
  return createHash(HASH_ALGORITHM).update(text, 'utf8').digest('hex');
}

function nextLink(previous: string, event: unknown): string {
  return sha256Hex(previous + canonicalJson(event));
}

/** The chain over events in proto3 JSON form (as exported). */
export function hashChain(events: readonly unknown[]): HashChain {
  const links: string[] = [];
  let previous = GENESIS;
  for (const event of events) {
    previous = nextLink(previous, event);
    links.push(previous);
  }
  return {
    algorithm: HASH_ALGORITHM,
    canonicalization: 'json-sorted-keys',
    genesis: GENESIS,
    links,
    head: previous,
  };
}

function eventIdOf(event: unknown): string | undefined {
  const id = (event as { eventId?: unknown } | null)?.eventId;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/** Recomputes the chain and names the first event whose link does not match. */
export function verifyHashChain(events: readonly unknown[], chain: HashChain): ChainVerification {
  if (chain.algorithm !== HASH_ALGORITHM) {
    return { valid: false, index: 0, reason: `unknown algorithm ${String(chain.algorithm)}` };
  }
  let previous = chain.genesis;
  for (let i = 0; i < events.length; i++) {
    previous = nextLink(previous, events[i]);
    if (chain.links[i] !== previous) {
      const eventId = eventIdOf(events[i]);
      return {
        valid: false,
        index: i,
        ...(eventId !== undefined ? { eventId } : {}),
        reason:
          chain.links[i] === undefined
            ? `event ${eventId ?? i} has no link: the chain is shorter than the history`
            : `event ${eventId ?? i} does not match its link`,
      };
    }
  }
  if (chain.links.length !== events.length) {
    return {
      valid: false,
      index: events.length,
      reason: `the chain has ${chain.links.length} links for ${events.length} events: events were removed`,
    };
  }
  if (chain.head !== previous)
    return { valid: false, index: events.length - 1, reason: 'the head does not match' };
  return { valid: true, head: previous, events: events.length };
}
