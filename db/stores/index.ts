// The typed stores, one per aggregate: the only code that names a table. `transaction` hands the same stores bound
// to one transaction, for writes that span aggregates (a claim event and a notification, say).
import type { Knex } from 'knex';
import { AccountChangeStore } from './account-changes';
import { AccidentStore } from './accidents';
import { atomically } from './atomic';
import { AuditLogStore } from './audit-log';
import { ClaimedDeathStore } from './claimed-deaths';
import { ClaimViewStore } from './claim-views';
import { ClaimStore } from './claims';
import { EmployerReimbursementStore } from './employer-reimbursements';
import { HistoryArchiveStore } from './history-archive';
import { IntakeStore } from './intake';
import { NotificationStore } from './notifications';
import { PayoutStore } from './payouts';
import { RateLimitStore } from './rate-limits';
import { ReconciliationStore } from './reconciliation';
import { RegistryStore } from './registry';
import { ScholarshipStore } from './scholarships';
import { SupervisorTaskStore } from './supervisor-tasks';

export interface Stores {
  accidents: AccidentStore;
  claims: ClaimStore;
  claimedDeaths: ClaimedDeathStore;
  employerReimbursements: EmployerReimbursementStore;
  /** The staff and family views of a claim, each read in one statement. */
  claimViews: ClaimViewStore;
  intake: IntakeStore;
  payouts: PayoutStore;
  scholarships: ScholarshipStore;
  notifications: NotificationStore;
  registry: RegistryStore;
  reconciliation: ReconciliationStore;
  auditLog: AuditLogStore;
  rateLimits: RateLimitStore;
  supervisorTasks: SupervisorTaskStore;
  accountChanges: AccountChangeStore;
  /** Closed workflow runs' histories and their digests, kept past Temporal's retention. */
  historyArchive: HistoryArchiveStore;
  /** Runs `fn` with stores bound to one transaction (the caller's, when these stores are already bound to one). */
  transaction<T>(fn: (tx: Stores) => Promise<T>): Promise<T>;
  /** Resolves when PostgreSQL answers (readiness). */
  ping(): Promise<void>;
}

export function createStores(db: Knex): Stores {
  return {
    accidents: new AccidentStore(db),
    claims: new ClaimStore(db),
    claimedDeaths: new ClaimedDeathStore(db),
    employerReimbursements: new EmployerReimbursementStore(db),
    claimViews: new ClaimViewStore(db),
    intake: new IntakeStore(db),
    payouts: new PayoutStore(db),
    scholarships: new ScholarshipStore(db),
    notifications: new NotificationStore(db),
    registry: new RegistryStore(db),
    reconciliation: new ReconciliationStore(db),
    auditLog: new AuditLogStore(db),
    rateLimits: new RateLimitStore(db),
    supervisorTasks: new SupervisorTaskStore(db),
    accountChanges: new AccountChangeStore(db),
    historyArchive: new HistoryArchiveStore(db),
    transaction: (fn) => atomically(db, (trx) => fn(createStores(trx))),
    ping: async () => {
      await db.raw('select 1');
    },
  };
}

export * from './account-changes';
export * from './accidents';
export * from './audit-log';
export * from './claimed-deaths';
export * from './claim-views';
export * from './claims';
export * from './employer-reimbursements';
export * from './history-archive';
export * from './intake';
export * from './notifications';
export * from './payouts';
export * from './rate-limits';
export * from './reconciliation';
export * from './registry';
export * from './scholarships';
export * from './supervisor-tasks';
