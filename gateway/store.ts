// The sandbox's ledger of disbursements: a Map keyed by idempotency key, optionally mirrored to a JSON
// file (rewritten after every change, read at start) so a gateway restart keeps what was paid.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { jakartaDate } from '../rules/jakarta-time';
import {
  disbursementSchema,
  type Disbursement,
  type Statement,
  type ValidDisbursementRequest,
} from './types';

const recordSchema = z.object({
  disbursement: disbursementSchema,
  /** Hash of what moves the money (amount and destination), to spot a key reused for another transfer. */
  fingerprint: z.string(),
});
const stateFileSchema = z.object({ version: z.literal(1), records: z.array(recordSchema) });

type StoredRecord = z.infer<typeof recordSchema>;

export function fingerprintOf(req: ValidDisbursementRequest): string {
  const identity = [req.amount, req.currency, req.bankCode, req.accountNumber];
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}

export class DisbursementStore {
  private readonly byKey = new Map<string, StoredRecord>();
  private readonly keyById = new Map<string, string>();

  constructor(private readonly stateFile?: string) {
    if (stateFile && existsSync(stateFile)) this.load(stateFile);
  }

  findByKey(idempotencyKey: string): StoredRecord | undefined {
    return this.byKey.get(idempotencyKey);
  }

  findById(id: string): Disbursement | undefined {
    const key = this.keyById.get(id);
    return key === undefined ? undefined : this.byKey.get(key)?.disbursement;
  }

  add(record: StoredRecord): void {
    const { idempotencyKey, id } = record.disbursement;
    if (this.byKey.has(idempotencyKey)) throw new Error('Idempotency key already recorded');
    this.byKey.set(idempotencyKey, record);
    this.keyById.set(id, idempotencyKey);
    this.persist();
  }

  all(): Disbursement[] {
    return [...this.byKey.values()].map((r) => r.disbursement);
  }

  /** Every disbursement settled on that Jakarta day; only completed ones count towards the total. */
  statement(date: string): Statement {
    const disbursements = this.all()
      .filter((d) => jakartaDate(Date.parse(d.completedAt ?? d.createdAt)) === date)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const total = disbursements.filter((d) => d.status === 'completed').reduce((sum, d) => sum + d.amount, 0);
    return { date, disbursements, total };
  }

  private load(file: string): void {
    const parsed = stateFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success)
      throw new Error(`Sandbox gateway state file ${file} is not valid: ${parsed.error.message}`);
    for (const record of parsed.data.records) {
      this.byKey.set(record.disbursement.idempotencyKey, record);
      this.keyById.set(record.disbursement.id, record.disbursement.idempotencyKey);
    }
  }

  private persist(): void {
    if (!this.stateFile) return;
    mkdirSync(dirname(this.stateFile), { recursive: true });
    const temporary = `${this.stateFile}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: 1, records: [...this.byKey.values()] }, null, 2));
    // Rename is atomic, so a crash mid-write never leaves a half-written state file.
    renameSync(temporary, this.stateFile);
  }
}
