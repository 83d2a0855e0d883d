import {
  accountReviewRefusal,
  decisionRefusal,
  reimbursementDeciderRefusal,
  SUPERVISOR_APPROVAL_THRESHOLD,
  totalCanRefuse,
  type AccountReviewFacts,
  type DecisionFacts,
} from '../../rules';
import { proofReviewRefusal } from '../../rules/maker-checker';

const officer2: DecisionFacts = {
  deciderId: 'officer-2',
  deciderRole: 'officer',
  verifiedBy: 'officer-1',
  decision: 'approve',
  total: 42_000_000,
};

const MAKER_CHECKER = {
  rule: 'maker-checker',
  message: 'The officer who verified the documents may not also decide the claim.',
};
const SUPERVISOR_REQUIRED = {
  rule: 'supervisor-required',
  message: 'Approving more than Rp 200,000,000 needs a supervisor.',
};

describe('maker-checker on a decision', () => {
  it('puts the supervisor threshold at Rp 200,000,000', () => {
    expect(SUPERVISOR_APPROVAL_THRESHOLD).toBe(200_000_000);
  });

  it("names what the decider checked before: a claim's documents, an accident item, an accident closing", () => {
    const own = { ...officer2, deciderId: 'officer-1' };
    expect(decisionRefusal(own)).toEqual(MAKER_CHECKER);
    expect(decisionRefusal({ ...own, checked: 'item' })?.message).toBe(
      'The officer who verified the item may not also approve it.',
    );
    expect(decisionRefusal({ ...own, checked: 'closing' })?.message).toBe(
      'The officer who submitted the closing may not also decide it.',
    );
  });

  it('allows another officer to approve or reject up to the threshold', () => {
    expect(decisionRefusal(officer2)).toBeUndefined();
    expect(decisionRefusal({ ...officer2, total: SUPERVISOR_APPROVAL_THRESHOLD })).toBeUndefined();
    expect(decisionRefusal({ ...officer2, decision: 'reject' })).toBeUndefined();
  });

  it.each([
    ['approve', 'officer', 42_000_000],
    ['reject', 'officer', 42_000_000],
    ['approve', 'supervisor', 500_000_000],
  ] as const)('refuses the verifier deciding (%s, as %s)', (decision, deciderRole, total) => {
    const facts = { ...officer2, deciderId: 'officer-1', deciderRole, decision, total };
    expect(decisionRefusal(facts)).toEqual(MAKER_CHECKER);
  });

  it('refuses an officer approving more than the threshold, and names the threshold', () => {
    expect(decisionRefusal({ ...officer2, total: SUPERVISOR_APPROVAL_THRESHOLD + 1 })).toEqual(
      SUPERVISOR_REQUIRED,
    );
  });

  it('lets a supervisor approve above the threshold, and anyone but the verifier reject above it', () => {
    const large = { ...officer2, total: 500_000_000 };
    expect(
      decisionRefusal({ ...large, deciderId: 'supervisor-1', deciderRole: 'supervisor' }),
    ).toBeUndefined();
    expect(decisionRefusal({ ...large, decision: 'reject' })).toBeUndefined();
  });

  it('refuses no one on facts not yet known: no verifier, no total', () => {
    expect(decisionRefusal({ ...officer2, verifiedBy: undefined })).toBeUndefined();
    expect(decisionRefusal({ ...officer2, verifiedBy: null })).toBeUndefined();
    expect(decisionRefusal({ ...officer2, total: undefined })).toBeUndefined();
  });

  it('reads the total only for an approval by someone who is not a supervisor', () => {
    expect(totalCanRefuse({ decision: 'approve', deciderRole: 'officer' })).toBe(true);
    expect(totalCanRefuse({ decision: 'approve', deciderRole: 'supervisor' })).toBe(false);
    expect(totalCanRefuse({ decision: 'reject', deciderRole: 'officer' })).toBe(false);
  });
});

describe('maker-checker on reimbursing an employer that paid the heirs first', () => {
  it('lets a supervisor who did not record the settlement decide', () => {
    expect(
      reimbursementDeciderRefusal({
        deciderId: 'supervisor-2',
        deciderRole: 'supervisor',
        recordedBy: 'officer-1',
      }),
    ).toBeUndefined();
  });

  it('refuses whoever recorded the settlement, supervisor or not', () => {
    for (const deciderRole of ['officer', 'supervisor'] as const) {
      expect(
        reimbursementDeciderRefusal({ deciderId: 'staff-1', deciderRole, recordedBy: 'staff-1' })?.rule,
      ).toBe('maker-checker');
    }
  });

  it('refuses an officer or an auditor who did not record it: a supervisor approves a redirected payout', () => {
    for (const deciderRole of ['officer', 'auditor'] as const) {
      expect(
        reimbursementDeciderRefusal({ deciderId: 'staff-2', deciderRole, recordedBy: 'officer-1' })?.rule,
      ).toBe('supervisor-required');
    }
  });
});

describe('maker-checker on a proof of enrolment', () => {
  it('lets any staff member review a family proof, and a second staff member a staff proof', () => {
    expect(proofReviewRefusal({ reviewerId: 'officer-1', submittedBy: 'family' })).toBeUndefined();
    expect(proofReviewRefusal({ reviewerId: 'officer-2', submittedBy: 'officer-1' })).toBeUndefined();
    expect(proofReviewRefusal({ reviewerId: 'supervisor-1', submittedBy: 'officer-1' })).toBeUndefined();
  });

  it('refuses the staff member who sent the proof', () => {
    expect(proofReviewRefusal({ reviewerId: 'officer-1', submittedBy: 'officer-1' })).toEqual({
      rule: 'maker-checker',
      message: expect.stringMatching(/who sent a proof of enrolment may not also review it/),
    });
    expect(proofReviewRefusal({ reviewerId: 'supervisor-1', submittedBy: 'supervisor-1' })?.rule).toBe(
      'maker-checker',
    );
  });
});

describe('maker-checker on a change of payee', () => {
  const review: AccountReviewFacts = {
    reviewerId: 'officer-3',
    reviewerRole: 'officer',
    filedBy: 'officer-1',
    verifiedBy: 'officer-2',
    proposedBy: 'family',
    decision: 'approve',
    amount: 42_000_000,
    holderMatches: true,
    reason: 'Seen the savings book',
  };

  it('lets a third officer approve or reject an entitled holder up to the threshold', () => {
    expect(accountReviewRefusal(review)).toBeUndefined();
    expect(accountReviewRefusal({ ...review, decision: 'reject' })).toBeUndefined();
    expect(accountReviewRefusal({ ...review, amount: SUPERVISOR_APPROVAL_THRESHOLD })).toBeUndefined();
  });

  it.each([
    ['the proposer', { proposedBy: 'officer-3' }],
    ['the filer', { filedBy: 'officer-3' }],
    ['the verifier', { verifiedBy: 'officer-3' }],
    [
      'the verifier, as a supervisor rejecting',
      { verifiedBy: 'officer-3', reviewerRole: 'supervisor', decision: 'reject' },
    ],
  ] as const)('refuses %s as the reviewer', (_who, change) => {
    expect(accountReviewRefusal({ ...review, ...change })?.rule).toBe('maker-checker');
  });

  it('needs a supervisor to approve above Rp 200,000,000, not to reject', () => {
    const large = { ...review, amount: SUPERVISOR_APPROVAL_THRESHOLD + 1 };
    expect(accountReviewRefusal(large)).toEqual({
      rule: 'supervisor-required',
      message: 'Approving an account for more than Rp 200,000,000 needs a supervisor.',
    });
    expect(accountReviewRefusal({ ...large, reviewerRole: 'supervisor' })).toBeUndefined();
    expect(accountReviewRefusal({ ...large, decision: 'reject' })).toBeUndefined();
  });

  it('lets only a supervisor with a reason approve a holder who is not entitled', () => {
    const stranger = { ...review, holderMatches: false };
    expect(accountReviewRefusal(stranger)?.rule).toBe('supervisor-required');
    expect(accountReviewRefusal({ ...stranger, reviewerRole: 'supervisor' })).toBeUndefined();
    expect(accountReviewRefusal({ ...stranger, reviewerRole: 'supervisor', reason: '  ' })?.rule).toBe(
      'supervisor-required',
    );
    expect(accountReviewRefusal({ ...stranger, decision: 'reject' })).toBeUndefined();
  });
});
