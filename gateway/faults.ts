// Queued faults for tests: each applies to the next matching POST /disbursements, `times` times, in order.
import type { Fault, FaultKind } from './types';

export interface FaultContext {
  idempotencyKey: string;
  accountNumber: string;
}

function matches(fault: Fault, ctx: FaultContext): boolean {
  const { accountNumber, idempotencyKeyPrefix } = fault.match ?? {};
  if (accountNumber !== undefined && accountNumber !== ctx.accountNumber) return false;
  if (idempotencyKeyPrefix !== undefined && !ctx.idempotencyKey.startsWith(idempotencyKeyPrefix))
    return false;
  return true;
}

export class FaultQueue {
  private queue: Fault[] = [];

  add(fault: Fault): void {
    this.queue.push({ ...fault });
  }

  clear(): void {
    this.queue = [];
  }

  pending(): Fault[] {
    return this.queue.map((f) => ({ ...f }));
  }

  /** Consumes one use of the oldest queued fault of one of `kinds` that matches the request. */
  take(kinds: readonly FaultKind[], ctx: FaultContext): FaultKind | undefined {
    const index = this.queue.findIndex((f) => kinds.includes(f.kind) && matches(f, ctx));
    const fault = this.queue[index];
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) this.queue.splice(index, 1);
    return fault.kind;
  }
}
