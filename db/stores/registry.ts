// The participant registry: employers and the workers they registered (peserta). Read by the claims; written by
// the seed and the test factories only.
import type { Knex } from 'knex';
import { atomically } from './atomic';

interface EmployerRow {
  id: string;
  name: string;
  /** First unpaid contribution month (tunggakan iuran); null when contributions are current. */
  arrears_since: string | null;
  created_at: Date;
}

export interface ParticipantRow {
  nik: string;
  kpj_number: string;
  name: string;
  date_of_birth: string;
  employer_id: string;
  membership_start_date: string;
  /** null while the membership is active. */
  membership_end_date: string | null;
  monthly_wage: number;
  created_at: Date;
}

export type NewEmployer = Omit<EmployerRow, 'created_at'>;
export type NewParticipant = Omit<ParticipantRow, 'created_at'>;

/** What a claim needs to know about the deceased's membership and employer. */
export interface MembershipRow {
  membership_start_date: string;
  membership_end_date: string | null;
  monthly_wage: number;
  employer_id: string;
  employer_name: string;
  arrears_since: string | null;
}

export class RegistryStore {
  constructor(private readonly db: Knex) {}

  membership(nik: string): Promise<MembershipRow | undefined> {
    return this.db('participants as p')
      .join('employers as e', 'e.id', 'p.employer_id')
      .where('p.nik', nik)
      .first<MembershipRow | undefined>(
        'p.membership_start_date',
        'p.membership_end_date',
        'p.monthly_wage',
        'p.employer_id',
        'e.name as employer_name',
        'e.arrears_since',
      );
  }

  async isParticipant(nik: string): Promise<boolean> {
    return (await this.db<ParticipantRow>('participants').where({ nik }).first('nik')) !== undefined;
  }

  findParticipant(nik: string): Promise<ParticipantRow | undefined> {
    return this.db<ParticipantRow>('participants').where({ nik }).first();
  }

  /** Inserts or overwrites employers and participants by their keys, in one transaction. */
  upsert(rows: { employers: NewEmployer[]; participants: NewParticipant[] }): Promise<void> {
    return atomically(this.db, async (db) => {
      await db<EmployerRow>('employers').insert(rows.employers).onConflict('id').merge();
      await db<ParticipantRow>('participants').insert(rows.participants).onConflict('nik').merge();
    });
  }

  /** A new employer; fails if the id exists. */
  async addEmployer(employer: NewEmployer): Promise<void> {
    await this.db<EmployerRow>('employers').insert(employer);
  }

  /** A new participant; fails if the national ID or card number exists. */
  async addParticipant(participant: NewParticipant): Promise<void> {
    await this.db<ParticipantRow>('participants').insert(participant);
  }
}
