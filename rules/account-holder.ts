// Whose account may receive a benefit: the holder's name must be an entitled heir's (for a claim) or the child's or
// the child's guardian's (for a scholarship). Names are compared as people write them on forms and bank books:
// case, accents, punctuation, spacing and titles (Bapak, Ibu, Hj., Dr., S.E., …) do not count.
import type { HeirRelationship } from './heirs';

/** Honorifics and academic titles dropped before comparing names (dots removed: "S.Pd." is "spd"). */
// prettier-ignore
const TITLES = new Set([
  // Indonesian forms of address (sapaan)
  'bapak', 'bpk', 'pak', 'ibu', 'bu', 'sdr', 'sdri', 'saudara', 'saudari', 'tuan', 'tn', 'nyonya', 'ny',
  'nona', 'nn', 'alm', 'almh', 'almarhum', 'almarhumah',
  // religious titles
  'h', 'hj', 'haji', 'hajjah', 'kh', 'ustadz', 'ustazah',
  // academic and professional titles (gelar)
  'dr', 'drs', 'dra', 'ir', 'prof', 'se', 'sh', 'spd', 'skom', 'st', 'ssos', 'sag', 'ak', 'mm', 'mba',
  'msc', 'mt', 'mkes', 'amd', 'sked', 'skep', 'mh', 'phd',
  // English forms of address
  'mr', 'mrs', 'ms', 'miss',
]);

/** A name reduced to what identifies the person: lower case, no accents, no punctuation, no titles, single spaces. */
export function normaliseHolderName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents
    .toLowerCase()
    .replace(/['’`]/g, '') // Ma'ruf is Maruf
    .split(/[\s,;/\-]+/)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, '')) // S.Pd. is spd
    .filter((word) => word.length > 0 && !TITLES.has(word))
    .join(' ');
}

/** Whether the account holder's name is one of the entitled names, once both are normalised. */
export function holderMatches(accountName: string, entitledNames: readonly string[]): boolean {
  const holder = normaliseHolderName(accountName);
  if (holder.length === 0) return false;
  return entitledNames.some((name) => normaliseHolderName(name) === holder);
}

export interface NamedHeir {
  name: string;
  relationship: HeirRelationship;
  /** Receives the payouts by legal rank (rules/recipients.ts). */
  recipient: boolean;
}

/** Who may hold a claim's account: the heirs who receive the benefit (every heir on claims ranked before it). */
export function claimPayeeNames(heirs: readonly NamedHeir[]): string[] {
  const recipients = heirs.filter((heir) => heir.recipient);
  return (recipients.length > 0 ? recipients : heirs).map((heir) => heir.name);
}

/**
 * Who may hold a scholarship's account: the child, or the child's guardian, who on the claim is the surviving
 * parent (the deceased's widow or widower) or, with none, a grandparent or an adult sibling named as an heir.
 */
export function scholarshipPayeeNames(
  childName: string | null | undefined,
  heirs: readonly NamedHeir[],
): string[] {
  const parents = heirs.filter((heir) => heir.relationship === 'spouse');
  const guardians =
    parents.length > 0
      ? parents
      : heirs.filter((heir) => heir.relationship === 'grandparent' || heir.relationship === 'sibling');
  return [...(childName ? [childName] : []), ...guardians.map((heir) => heir.name)];
}
