// What the auditor's view reads from POST /claims/{n}/replay and GET /claims/{n}/history (replay/index.ts,
// replay/trail.ts and replay/export.ts build them; the contract types them only as "object").
export interface ActedBy {
  by: string;
  role?: string;
  at: string;
}

export interface RunReplay {
  workflowId: string;
  runId: string;
  workflowType?: string;
  events: number;
  deterministic: boolean;
  error?: { name: string; message: string };
  divergence?: string;
}

export interface DecisionTrail {
  claimNumber?: string;
  program?: string;
  filed?: ActedBy & { eventDate: string; claimDate: string; heirs: number; children: number };
  backdatingDecision?: ActedBy & { decision: string; reason: string };
  membership?: { at: string; eligible: boolean; reason?: string; monthlyWage?: number };
  verifications: (ActedBy & { complete?: boolean; missing?: string[]; note?: string })[];
  escalation?: { at: string; due?: string };
  assessment?: {
    at: string;
    regulation: string;
    total: number;
    components: { code: string; amount: number; basis: string; explanation: string }[];
  };
  decision?: ActedBy & { decision: 'approve' | 'reject'; reason: string; total?: number };
  bankAccountChanges: (ActedBy & {
    bankCode: string;
    accountNumber: string;
    review?: ActedBy & { decision: string; reason: string };
  })[];
  payouts: {
    component: string;
    amount: number;
    status: string;
    requestedAt: string;
    idempotencyKey?: string;
    gatewayReference?: string;
  }[];
  outcome?: { status: string; at: string; reason?: string; total?: number };
  patches: string[];
  scholarships: { workflowId: string; runs: number; status: string; totalPaid?: number }[];
}

export interface ClaimReplay {
  claimNumber: string;
  replayedAt: string;
  deterministic: boolean;
  histories: number;
  events: number;
  runs: RunReplay[];
  decisionTrail: DecisionTrail;
}

export interface HistoryExportSummary {
  format: string;
  claimNumber: string;
  exportedAt: string;
  runs: { workflowId: string; runId: string; eventCount: number; hashChain: { head: string } }[];
  digest: string;
}
