// A claim date earlier than the day the claim reached the system (the officer types it; a paper file received
// earlier) moves the JKK expiry and the service level, so it takes a second person: a supervisor who is not the
// one who filed the claim, with a reason. Pure, so the API (from its projections) and the workflow's update
// validator (from its state) refuse with the same words.
import type { DecisionRefusal } from './maker-checker';

export interface BackdatingFacts {
  deciderId: string;
  deciderRole: 'officer' | 'supervisor' | 'auditor';
  /** Who filed the claim (and typed its claim date). */
  filedBy: string;
}

/** Whether the claim date is earlier than the day the claim reached the system (both Asia/Jakarta dates). */
export function isBackdated(claimDate: string, receivedDate: string): boolean {
  return claimDate < receivedDate;
}

/** Why this person may not decide a backdated claim date, or undefined when the four-eyes rule allows it. */
export function backdatingRefusal(facts: BackdatingFacts): DecisionRefusal | undefined {
  if (facts.deciderRole !== 'supervisor') {
    return { rule: 'supervisor-required', message: 'Only a supervisor may decide a backdated claim date.' };
  }
  if (facts.deciderId === facts.filedBy) {
    return {
      rule: 'maker-checker',
      message: 'The staff member who filed the claim may not also approve its claim date.',
    };
  }
  return undefined;
}
