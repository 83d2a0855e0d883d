// The worker's accident texts: each written in both languages, the English the API answers with kept as it was.
import { ACCIDENT_KINDS, CLOSING_OUTCOMES, FINDINGS, ITEM_KINDS } from '../../vocabulary/accident';
import {
  accidentKindText,
  accidentNextTexts,
  findingText,
  closingText,
  itemDescription,
  itemDescriptionParts,
  itemKindText,
  ITEM_STATUSES,
  itemStatusText,
} from '../../vocabulary/accident-texts';
import { CLAIM_STATUSES, FAMILY_LANGUAGES } from '../../vocabulary/status';

describe('accident texts', () => {
  it('gives every item status, item kind and closing outcome a text in Bahasa Indonesia and in English', () => {
    const texts = [
      ...ITEM_STATUSES.map((s) => (lang: 'en' | 'id') => itemStatusText(s, lang)),
      ...ITEM_KINDS.map((k) => (lang: 'en' | 'id') => itemKindText(k, lang)),
      ...CLOSING_OUTCOMES.map((o) => (lang: 'en' | 'id') => closingText(o, lang)),
      ...ACCIDENT_KINDS.map((k) => (lang: 'en' | 'id') => accidentKindText(k, lang)),
      ...FINDINGS.map((f) => (lang: 'en' | 'id') => findingText(f, lang)),
    ];
    for (const text of texts) {
      for (const lang of FAMILY_LANGUAGES) expect(text(lang).length).toBeGreaterThan(3);
      expect(text('id')).not.toBe(text('en'));
    }
  });

  it('asks the worker for the next step in the language asked, English by default', () => {
    expect(accidentNextTexts('closed', false)).toEqual(['Nothing: the case is closed.']);
    expect(accidentNextTexts('closed', false, 'id')).toEqual(['Tidak ada: kasus sudah ditutup.']);
    // A status that asks nothing of the worker, and a refused payment's request for another account.
    expect(accidentNextTexts('paid', true)).toEqual([
      'Nothing from you for now.',
      'A payment to your account was refused by the bank: please give the claims officer another account.',
    ]);
    for (const status of CLAIM_STATUSES) {
      const [en] = accidentNextTexts(status, false, 'en');
      const [id] = accidentNextTexts(status, false, 'id');
      expect(id).not.toBe(en);
    }
  });

  it("describes an item in one line, in the API's English words", () => {
    const bill = {
      kind: 'treatment' as const,
      provider: 'RS Trauma',
      mode: null,
      from: '2026-11-20',
      to: '2026-11-22',
    };
    expect(itemDescription(bill)).toBe('Medical care by RS Trauma, 2026-11-20 to 2026-11-22');
    expect(itemDescription({ ...bill, kind: 'transport', mode: 'land' })).toBe(
      'Transport by RS Trauma (land), 2026-11-20 to 2026-11-22',
    );
    expect(itemDescription({ ...bill, kind: 'incapacity' })).toBe(
      'Wage while unable to work (STMB), 2026-11-20 to 2026-11-22',
    );
    expect(itemDescription(bill, 'id')).toBe('Perawatan medis oleh RS Trauma, 2026-11-20 s.d. 2026-11-22');
  });

  it("reads the provider, mode and period back from the API's line (the family page shows them in its language)", () => {
    const bill = {
      kind: 'transport' as const,
      provider: 'RS Trauma, Bekasi',
      mode: 'land',
      from: '2026-11-20',
      to: '2026-11-22',
    };
    expect(itemDescriptionParts(itemDescription(bill))).toEqual({
      by: 'RS Trauma, Bekasi (land)',
      from: '2026-11-20',
      to: '2026-11-22',
    });
    expect(itemDescriptionParts(itemDescription({ ...bill, kind: 'incapacity' }))).toEqual({
      from: '2026-11-20',
      to: '2026-11-22',
    });
    expect(itemDescriptionParts('something else')).toEqual({});
  });
});
