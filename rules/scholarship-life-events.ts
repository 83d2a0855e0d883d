// Life events that end a staged scholarship (PP 82/2019): the child marries, starts working or dies. Payments
// already made are kept. Work the regulation allows a child still studying (Permenaker 1/2025) does not end it.
import type { StagedScholarship } from './regulations/types';

export const LIFE_EVENT_KINDS = ['married', 'working', 'died'] as const;
export type LifeEventKind = (typeof LIFE_EVENT_KINDS)[number];
export const WORK_TYPES = ['wage', 'self_employment', 'apprenticeship'] as const;
type WorkType = (typeof WORK_TYPES)[number];

export interface LifeEvent {
  kind: LifeEventKind;
  /** When it happened, YYYY-MM-DD. */
  date: string;
  /** For "working": the kind of work, and for wage work how many consecutive months. */
  work?: { type: WorkType; consecutiveMonths?: number };
}

export interface LifeEventDecision {
  stops: boolean;
  /** Why the scholarship ends, when it does. */
  endReason?: 'married' | 'working' | 'died';
  /** One sentence for the family and the audit trail. */
  reason: string;
}

export function lifeEventDecision(rule: StagedScholarship, event: LifeEvent): LifeEventDecision {
  if (event.kind === 'married' || event.kind === 'died') {
    const what = event.kind === 'married' ? 'married' : 'died';
    return {
      stops: true,
      endReason: event.kind,
      reason: `The child ${what} on ${event.date}; payments already made are kept.`,
    };
  }
  const exception = rule.workExceptions.filter((e) => e.from <= event.date).at(-1);
  const work = event.work;
  if (exception && work) {
    if (work.type === 'self_employment' || work.type === 'apprenticeship') {
      const what = work.type === 'self_employment' ? 'Self-employment' : 'An apprenticeship';
      return { stops: false, reason: `${what} does not stop the scholarship (${exception.basis}).` };
    }
    const months = work.consecutiveMonths ?? Number.POSITIVE_INFINITY;
    if (months <= exception.maxConsecutiveWageMonths) {
      return {
        stops: false,
        reason: `Wage work for ${months} consecutive months (at most ${exception.maxConsecutiveWageMonths}) does not stop the scholarship (${exception.basis}).`,
      };
    }
  }
  return {
    stops: true,
    endReason: 'working',
    reason: `The child started working on ${event.date}; payments already made are kept.`,
  };
}
