import type { Db } from '../db/config';
import type { PaymentGateway } from '../gateway/client';
import { createAccountChangeActivities } from './account-changes';
import { createAccidentActivities } from './accidents';
import { createClaimActivities } from './claims';
import { createPayoutActivities } from './payouts';
import { createReconciliationActivities } from './reconciliation';
import { createScholarshipActivities } from './scholarships';

export interface ActivityDeps {
  db: Db;
  gateway: PaymentGateway;
}

/** Every side effect the workflows may cause. Each activity is idempotent. */
export function createActivities({ db, gateway }: ActivityDeps) {
  return {
    ...createClaimActivities(db),
    ...createAccidentActivities(db),
    ...createAccountChangeActivities(db),
    ...createPayoutActivities(db, gateway),
    ...createReconciliationActivities(db, gateway),
    ...createScholarshipActivities(db, gateway),
  };
}

export type Activities = ReturnType<typeof createActivities>;
