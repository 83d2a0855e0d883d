import type { Knex } from 'knex';
import * as registry from './20261124000100_registry';
import * as claims from './20261124000200_claims';
import * as scholarships from './20261124000300_scholarships';
import * as auditLog from './20261124000400_audit_log';
import * as reconciliation from './20261124000500_reconciliation';
import * as rateLimits from './20261124000600_rate_limits';
import * as assessmentRecipients from './20261124000700_assessment_recipients';
import * as payoutFailures from './20261124000700_payout_failures';
import * as accountChanges from './20261201000100_account_changes';
import * as oneClaimPerDeath from './20261201000200_one_claim_per_death';
import * as trackingCodeReissues from './20261201000200_tracking_code_reissues';
import * as employerReimbursements from './20261201000300_employer_reimbursements';
import * as scholarshipProofReview from './20261201000400_scholarship_proof_review';
import * as metricTotals from './20261201000500_metric_totals';
import * as rateLimitsUnlogged from './20261201000500_rate_limits_unlogged';
import * as workQueueIndex from './20261201000500_work_queue_index';
import * as accidentCases from './20261202010000_accident_cases';
import * as accidentEmployerProof from './20261202070000_accident_employer_proof';
import * as historyArchive from './20261202030000_history_archive';
import * as escalatedClaimsIndex from './20261202040000_escalated_claims_index';

// Migrations listed explicitly so they load the same way under tsx, jest and compiled JS.
const migrations: Record<string, Knex.Migration> = {
  '20261124000100_registry': registry,
  '20261124000200_claims': claims,
  '20261124000300_scholarships': scholarships,
  '20261124000400_audit_log': auditLog,
  '20261124000500_reconciliation': reconciliation,
  '20261124000600_rate_limits': rateLimits,
  '20261124000700_assessment_recipients': assessmentRecipients,
  '20261124000700_payout_failures': payoutFailures,
  '20261201000100_account_changes': accountChanges,
  '20261201000200_one_claim_per_death': oneClaimPerDeath,
  '20261201000200_tracking_code_reissues': trackingCodeReissues,
  '20261201000300_employer_reimbursements': employerReimbursements,
  '20261201000400_scholarship_proof_review': scholarshipProofReview,
  '20261201000500_metric_totals': metricTotals,
  '20261201000500_rate_limits_unlogged': rateLimitsUnlogged,
  '20261201000500_work_queue_index': workQueueIndex,
  '20261202010000_accident_cases': accidentCases,
  '20261202030000_history_archive': historyArchive,
  '20261202040000_escalated_claims_index': escalatedClaimsIndex,
  '20261202070000_accident_employer_proof': accidentEmployerProof,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => {
    const migration = migrations[name];
    if (!migration) throw new Error(`unknown migration ${name}`);
    return migration;
  },
};
