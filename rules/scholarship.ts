// Scholarship (beasiswa) for a quote: whether the event grants one, which children qualify and are
// selected, and either the staged plan per child or, under PP 44/2015, one lump sum in the cash total.
import { component } from './components';
import { addYears } from './dates';
import { rupiah, sum } from './money';
import type { LumpSumScholarship, Regulation } from './regulations/types';
import { describePlan, scholarshipPlan } from './scholarship-plan';
import type {
  BenefitComponent,
  BenefitEvent,
  Child,
  ChildScholarship,
  Program,
  ScholarshipSummary,
} from './schema';

export interface ScholarshipContext {
  program: Program;
  event: BenefitEvent;
  eventDate: string;
  contributionMonths: number;
  children: readonly Child[];
}

export interface ScholarshipOutcome {
  summary: ScholarshipSummary;
  /** The PP 44/2015 lump sum, when due; empty otherwise. */
  components: BenefitComponent[];
  notes: string[];
}

/** Whether the event and contribution period grant a scholarship at all, with the reason. */
function scholarshipGrant(
  regulation: Regulation,
  context: Pick<ScholarshipContext, 'program' | 'event' | 'contributionMonths'>,
): { granted: boolean; reason: string } {
  const { program, event, contributionMonths: months } = context;
  const min = regulation.scholarship.jkmMinContributionMonths;
  if (program === 'JKM' && event === 'death') {
    return months >= min
      ? {
          granted: true,
          reason: `A JKM death with a contribution period of ${months} months (at least ${min}) qualifies.`,
        }
      : {
          granted: false,
          reason: `No scholarship: the contribution period is ${months} months, less than the ${min} months a JKM death needs under ${regulation.citation}.`,
        };
  }
  if (program === 'JKK' && (event === 'death' || event === 'permanent_total_disability')) {
    const what = event === 'death' ? 'death' : 'permanent total disability';
    return { granted: true, reason: `A JKK ${what} qualifies, with no minimum contribution period.` };
  }
  return {
    granted: false,
    reason: `No scholarship is granted for a ${program} ${event.replaceAll('_', ' ')}.`,
  };
}

/** Under the age limit on the event date, unmarried and not working. */
export function childEligibility(
  child: Pick<Child, 'dateOfBirth' | 'married' | 'working'>,
  eventDate: string,
  ageLimit: number,
): { eligible: boolean; reason: string } {
  if (child.married) return { eligible: false, reason: 'Not eligible: the child is married.' };
  if (child.working) return { eligible: false, reason: 'Not eligible: the child is working.' };
  if (addYears(child.dateOfBirth, ageLimit) <= eventDate) {
    return { eligible: false, reason: `Not eligible: the child was ${ageLimit} or older on the event date.` };
  }
  return { eligible: true, reason: 'Eligible.' };
}

/**
 * At most `max` children: registered ones first, then input order. `officerMustConfirm` when more
 * qualify than may receive and the registrations alone do not pick exactly `max`.
 */
export function selectChildren(
  candidates: readonly { index: number; registered?: boolean }[],
  max: number,
): { selected: number[]; officerMustConfirm: boolean } {
  if (candidates.length <= max)
    return { selected: candidates.map((c) => c.index), officerMustConfirm: false };
  const registered = candidates.filter((c) => c.registered);
  const ordered = [...registered, ...candidates.filter((c) => !c.registered)];
  return {
    selected: ordered.slice(0, max).map((c) => c.index),
    officerMustConfirm: registered.length !== max,
  };
}

export function scholarshipFor(regulation: Regulation, context: ScholarshipContext): ScholarshipOutcome {
  const rule = regulation.scholarship;
  const grant = scholarshipGrant(regulation, context);
  if (!grant.granted) {
    const children = context.children.map((_, index) => emptyChild(index, false, grant.reason));
    return {
      summary: { eligible: false, reason: grant.reason, total: 0, children },
      components: [],
      notes: [],
    };
  }

  const checks = context.children.map((child, index) => ({
    index,
    registered: child.registered,
    ...childEligibility(child, context.eventDate, rule.ageLimit),
  }));
  const { selected, officerMustConfirm } = selectChildren(
    checks.filter((c) => c.eligible),
    rule.maxChildren,
  );
  const notes: string[] = [];
  if (officerMustConfirm) {
    notes.push(
      `More children qualify for a scholarship than the ${rule.maxChildren} allowed and the registrations do not settle which: children at index ${selected.join(', ')} were taken, registered first then in input order; an officer must confirm the choice.`,
    );
  }
  const notSelected = `Not selected: at most ${rule.maxChildren} ${rule.maxChildren === 1 ? 'child receives' : 'children receive'} a scholarship.`;

  if (rule.kind === 'lump_sum') {
    const children = checks.map((c) =>
      emptyChild(
        c.index,
        selected.includes(c.index),
        !c.eligible
          ? c.reason
          : selected.includes(c.index)
            ? `Receives the one-off scholarship of ${rupiah(rule.amount)} (component scholarship_lump_sum); ${regulation.citation} has no staged plan.`
            : notSelected,
      ),
    );
    const components = selected.length > 0 ? [lumpSumComponent(regulation, rule, context)] : [];
    const reason =
      selected.length > 0
        ? `${grant.reason} ${regulation.citation} pays one scholarship of ${rupiah(rule.amount)} for one child, in the cash total.`
        : `${grant.reason} But no child qualifies.`;
    return { summary: { eligible: selected.length > 0, reason, total: 0, children }, components, notes };
  }

  const children: ChildScholarship[] = checks.map((c) => {
    if (!c.eligible) return emptyChild(c.index, false, c.reason);
    if (!selected.includes(c.index)) return emptyChild(c.index, false, notSelected);
    const child = context.children[c.index] as Child;
    const plan = scholarshipPlan(child, context.eventDate, rule);
    notes.push(...plan.notes.map((note) => `Child at index ${c.index}: ${note}`));
    return {
      index: c.index,
      eligible: true,
      reason: describePlan(plan, rule.ageLimit),
      total: plan.total,
      plan: plan.plan,
    };
  });
  const total = sum(children.map((child) => child.total));
  if (selected.length > 0 && context.eventDate < rule.paymentsBeganOn) {
    notes.push(
      `Staged scholarship payments began on ${rule.paymentsBeganOn}; school years before then are shown as planned, for an officer to check.`,
    );
  }
  const reason =
    selected.length > 0
      ? `${grant.reason} ${selected.length} ${selected.length === 1 ? 'child receives' : 'children receive'} a staged plan, ${rupiah(total)} in all.`
      : `${grant.reason} But no child qualifies.`;
  return { summary: { eligible: selected.length > 0, reason, total, children }, components: [], notes };
}

function lumpSumComponent(
  regulation: Regulation,
  rule: LumpSumScholarship,
  context: ScholarshipContext,
): BenefitComponent {
  const why =
    context.program === 'JKM'
      ? `the contribution period of ${context.contributionMonths} months is at least ${rule.jkmMinContributionMonths}`
      : 'a JKK case needs no minimum contribution period';
  return component(
    'scholarship_lump_sum',
    rule.amount,
    regulation.basis.scholarship,
    `A one-off scholarship of ${rupiah(rule.amount)} for one child, as ${why}.`,
  );
}

function emptyChild(index: number, eligible: boolean, reason: string): ChildScholarship {
  return { index, eligible, reason, total: 0, plan: [] };
}
