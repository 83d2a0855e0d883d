// Data factories: each test makes the rows it needs, with unique keys, so no test leans on another.
import { randomInt } from 'node:crypto';
import type { Db } from '../../db/config';
import { createStores } from '../../db/stores';
import type { ClaimInput } from '../../vocabulary/claim';
import { DEV_TRACKING_CODE_SECRET, hashTrackingCode } from '../../api/middleware/tracking-code';

let counter = 0;
function unique(): number {
  counter += 1;
  return Number(`${process.pid % 1000}${String(counter).padStart(4, '0')}`);
}

export function randomNik(): string {
  return `32${String(randomInt(0, 10 ** 8)).padStart(8, '0')}${String(randomInt(0, 10 ** 6)).padStart(6, '0')}`;
}

export interface ParticipantOverrides {
  nik?: string;
  membershipStartDate?: string;
  membershipEndDate?: string | null;
  monthlyWage?: number;
  arrearsSince?: string | null;
}

export async function createParticipant(db: Db, o: ParticipantOverrides = {}) {
  const n = unique();
  const employerId = `EMP-T${n}`;
  const nik = o.nik ?? randomNik();
  const { registry } = createStores(db);
  await registry.addEmployer({
    id: employerId,
    name: `PT Uji ${n}`,
    arrears_since: o.arrearsSince ?? null,
  });
  await registry.addParticipant({
    nik,
    kpj_number: `T${n}${randomInt(0, 1000)}`,
    name: `Peserta ${n}`,
    date_of_birth: '1985-03-10',
    employer_id: employerId,
    membership_start_date: o.membershipStartDate ?? '2015-01-01',
    membership_end_date: o.membershipEndDate ?? null,
    monthly_wage: o.monthlyWage ?? 5_000_000,
  });
  return { nik, employerId };
}

const CLAIM_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function newClaimNumber(program: 'JKM' | 'JKK' = 'JKM', date = '20261124'): string {
  let suffix = '';
  for (let i = 0; i < 8; i++) suffix += CLAIM_ALPHABET[randomInt(CLAIM_ALPHABET.length)];
  return `${program}-${date}-${suffix}`;
}

export function claimInput(overrides: Partial<ClaimInput> & { participantNik: string }): ClaimInput {
  const program = overrides.program ?? 'JKM';
  return {
    claimNumber: newClaimNumber(program),
    program,
    event: 'death',
    eventDate: '2026-11-01',
    claimDate: '2026-11-20',
    heirs: [{ name: 'Sri Wahyuni', relationship: 'spouse' }],
    children: [],
    bankAccount: { bankCode: 'BRI', accountNumber: '1234567890', accountName: 'Sri Wahyuni' },
    trackingCodeHash: hashTrackingCode('TESTCODE2345', DEV_TRACKING_CODE_SECRET),
    createdBy: 'officer-intake',
    ...overrides,
  };
}

export const FULL_CHECKLIST = {
  participant_card: true,
  id_card_deceased: true,
  id_card_heirs: true,
  death_certificate: true,
  family_card: true,
  heir_statement: true,
  savings_book: true,
  accident_report: true,
  doctor_statement: true,
};
