// A realistic development registry: employers (some in contribution arrears) and their participants.
// Deterministic for a given "today", so the README walkthrough's participants always exist.
import type { Db } from '../config';
import { createStores, type NewEmployer, type NewParticipant } from '../stores';

export interface SeedSummary {
  employers: number;
  participants: number;
}

const EMPLOYERS = [
  { id: 'EMP-0001', name: 'PT Sinar Konstruksi Nusantara', arrearsMonths: 0 },
  { id: 'EMP-0002', name: 'PT Samudra Logistik Indonesia', arrearsMonths: 0 },
  { id: 'EMP-0003', name: 'CV Tekstil Bandung Jaya', arrearsMonths: 5 },
  { id: 'EMP-0004', name: 'PT Tambang Kalimantan Lestari', arrearsMonths: 2 },
  { id: 'EMP-0005', name: 'PT Pabrik Gula Madiun', arrearsMonths: 7 },
  { id: 'EMP-0006', name: 'Koperasi Nelayan Bitung', arrearsMonths: 0 },
];

const GIVEN = [
  'Budi',
  'Siti',
  'Agus',
  'Dewi',
  'Eko',
  'Rina',
  'Joko',
  'Sri',
  'Andi',
  'Wati',
  'Hendra',
  'Lestari',
];
const FAMILY = [
  'Santoso',
  'Rahayu',
  'Wijaya',
  'Lubis',
  'Siregar',
  'Nainggolan',
  'Hidayat',
  'Pratama',
  'Saputra',
];

/** The participants the README walkthrough uses, always present. */
export const WALKTHROUGH_PARTICIPANTS = {
  /** Active, employer current, wage Rp 7,500,000, member for 6 years. */
  active: '3171010101800001',
  /** Membership ended two years ago. */
  inactive: '3171010101800002',
  /** Active, wage Rp 3,500,000: a JKK death stays under the supervisor threshold (Rp 190,000,000). */
  factoryWorker: '3171010101800003',
} as const;

function shiftDate(iso: string, years: number, months = 0, days = 0): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years, d.getUTCMonth() + months, d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A small linear congruential generator: reproducible pseudo-random numbers for seed data. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function registryRows(today: string): { employers: NewEmployer[]; participants: NewParticipant[] } {
  const employers = EMPLOYERS.map((e) => ({
    id: e.id,
    name: e.name,
    arrears_since: e.arrearsMonths > 0 ? shiftDate(today, 0, -e.arrearsMonths) : null,
  }));
  const random = generator(20261124);
  const participants: NewParticipant[] = [
    {
      nik: WALKTHROUGH_PARTICIPANTS.active,
      kpj_number: '19000000001',
      name: 'Bambang Sutrisno',
      date_of_birth: '1980-01-01',
      employer_id: 'EMP-0001',
      membership_start_date: shiftDate(today, -6),
      membership_end_date: null,
      monthly_wage: 7_500_000,
    },
    {
      nik: WALKTHROUGH_PARTICIPANTS.inactive,
      kpj_number: '19000000002',
      name: 'Slamet Riyadi',
      date_of_birth: '1975-06-15',
      employer_id: 'EMP-0002',
      membership_start_date: shiftDate(today, -9),
      membership_end_date: shiftDate(today, -2),
      monthly_wage: 4_200_000,
    },
    {
      nik: WALKTHROUGH_PARTICIPANTS.factoryWorker,
      kpj_number: '19000000003',
      name: 'Wahyu Hidayat',
      date_of_birth: '1988-09-20',
      employer_id: 'EMP-0001',
      membership_start_date: shiftDate(today, -2),
      membership_end_date: null,
      monthly_wage: 3_500_000,
    },
  ];
  for (let i = 4; i <= 60; i++) {
    const employer = EMPLOYERS[i % EMPLOYERS.length]!;
    // Membership from 1 to 14 years back: some under 3 years, some over 10.
    const yearsBack = 1 + Math.floor(random() * 14);
    const start = shiftDate(today, -yearsBack, -Math.floor(random() * 12));
    const inactive = i % 7 === 0;
    // Wages from about Rp 2,500,000 to Rp 25,000,000, rounded to Rp 50,000.
    const wage = Math.round((2_500_000 + random() * 22_500_000) / 50_000) * 50_000;
    participants.push({
      nik: `3273${String(100000 + i * 137).padStart(6, '0')}${String(i).padStart(6, '0')}`,
      kpj_number: `19${String(i).padStart(9, '0')}`,
      name: `${GIVEN[i % GIVEN.length]} ${FAMILY[(i * 5) % FAMILY.length]}`,
      date_of_birth: shiftDate('1965-01-01', Math.floor(random() * 35), Math.floor(random() * 12)),
      employer_id: employer.id,
      membership_start_date: start,
      membership_end_date: inactive ? shiftDate(today, 0, -1 - Math.floor(random() * 20)) : null,
      monthly_wage: wage,
    });
  }
  return { employers, participants };
}

/** Upserts the registry; safe to run on every start. */
export async function seedRegistry(db: Db, today: string): Promise<SeedSummary> {
  const { employers, participants } = registryRows(today);
  await createStores(db).registry.upsert({ employers, participants });
  return { employers: employers.length, participants: participants.length };
}
