// The heirs in the claim's vocabulary: every legal category accepted at intake, and the checklist that follows.
import { HEIR_RELATIONSHIPS } from '../../rules';
import { heirSchema } from '../../vocabulary/claim';
import { DOCUMENTS, requiredDocuments } from '../../vocabulary/documents';

const heirs = (...relationships: (typeof HEIR_RELATIONSHIPS)[number][]) =>
  relationships.map((relationship) => ({ relationship }));

describe('heirSchema', () => {
  it.each(HEIR_RELATIONSHIPS)('accepts the legal category %s', (relationship) => {
    expect(heirSchema.safeParse({ name: 'Nama', relationship }).success).toBe(true);
  });

  it('refuses a relationship outside the categories, naming the field', () => {
    const parsed = heirSchema.safeParse({ name: 'Nama', relationship: 'cousin' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['relationship']);
  });
});

describe('requiredDocuments', () => {
  it('names the court determination of heirs', () => {
    expect(DOCUMENTS.court_heir_determination).toBe('Court determination of heirs (penetapan ahli waris)');
  });

  it.each([
    ['JKM', heirs('other')],
    ['JKM', heirs('other', 'funeral_payer')],
    ['JKK', heirs('funeral_payer')],
  ] as const)('asks %s claims with no heir of ranks 1–5 (%j) for the court determination', (program, hs) => {
    expect(requiredDocuments(program, hs)).toEqual([
      ...requiredDocuments(program),
      'court_heir_determination',
    ]);
  });

  it.each([
    ['JKM', heirs('other', 'sibling')],
    ['JKK', heirs('spouse', 'other')],
    ['JKM', heirs('will_beneficiary')],
  ] as const)('does not ask %s claims with a ranked heir beside other relatives (%j)', (program, hs) => {
    expect(requiredDocuments(program, hs)).not.toContain('court_heir_determination');
    expect(requiredDocuments(program, hs)).toEqual(requiredDocuments(program));
  });

  it('keeps the list claims started before heirs were ranked were verified against', () => {
    expect(requiredDocuments('JKM')).toHaveLength(7);
    expect(requiredDocuments('JKK')).toEqual([
      ...requiredDocuments('JKM'),
      'accident_report',
      'doctor_statement',
    ]);
  });
});
