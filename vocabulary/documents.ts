// The documents an officer checks (berkas), and which ones each programme and its heirs need. No zod: the claim
// workflow's verification validator reads this list.
import type { FamilyMember } from '../rules/heirs';
import type { Program } from '../rules/programs';
import { needsCourtDetermination } from '../rules/recipients';

export const DOCUMENTS = {
  participant_card: 'Participant card (KPJ)',
  id_card_deceased: 'ID card (KTP) of the deceased',
  id_card_heirs: 'ID cards (KTP) of the heirs',
  death_certificate: 'Death certificate',
  family_card: 'Family card (KK)',
  heir_statement: 'Heir statement (surat keterangan ahli waris)',
  savings_book: 'Savings book of the recipient',
  accident_report: 'Employer accident report, stages I and II',
  doctor_statement: "Doctor's statement",
  court_heir_determination: 'Court determination of heirs (penetapan ahli waris)',
} as const;
export type DocumentCode = keyof typeof DOCUMENTS;
export const DOCUMENT_CODES = Object.keys(DOCUMENTS) as [DocumentCode, ...DocumentCode[]];

const DEATH_DOCUMENTS: DocumentCode[] = [
  'participant_card',
  'id_card_deceased',
  'id_card_heirs',
  'death_certificate',
  'family_card',
  'heir_statement',
  'savings_book',
];

/** A complete file; given the heirs, with no heir of ranks 1–5 it needs the court determination too (PP 44/2015). */
export function requiredDocuments(program: Program, heirs?: readonly FamilyMember[]): DocumentCode[] {
  const documents: DocumentCode[] =
    program === 'JKK' ? [...DEATH_DOCUMENTS, 'accident_report', 'doctor_statement'] : [...DEATH_DOCUMENTS];
  return heirs && needsCourtDetermination(heirs) ? [...documents, 'court_heir_determination'] : documents;
}
