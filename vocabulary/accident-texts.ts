// What the worker reads about an accident case (JKK, the worker lives), in Bahasa Indonesia and English side by side,
// as vocabulary/status.ts does for statuses: an item's statuses and kinds, the closing outcomes, and what is asked of
// the worker next. The API answers in English (api/views/accidents.ts); the family page reads the language it shows.
// No zod here (the web page imports this file): the accident's enums are imported as types only.
import type { AccidentKind, ClosingOutcome, Finding, ItemKind } from './accident';
import type { ClaimStatus, FamilyLanguage } from './status';

type FamilyText = Record<FamilyLanguage, string>;

/** An item's statuses, and what the worker reads. No item is paid before two people have looked at it. */
const ITEM_STATUS = {
  waiting_for_verification: {
    en: 'Received; waiting for a claims officer to verify it.',
    id: 'Diterima; menunggu diperiksa petugas klaim.',
  },
  waiting_for_approval: {
    en: 'Verified; waiting for approval by a second staff member.',
    id: 'Sudah diperiksa; menunggu persetujuan petugas kedua.',
  },
  paying: { en: 'Approved; being paid.', id: 'Disetujui; sedang dibayarkan.' },
  paid: { en: 'Paid.', id: 'Sudah dibayar.' },
  refused: { en: 'Refused. The reason is given.', id: 'Ditolak. Alasannya tertulis.' },
  payment_refused: {
    en: 'The bank refused the account; a claims officer will contact you.',
    id: 'Bank menolak rekening tersebut; petugas klaim akan menghubungi Anda.',
  },
} as const satisfies Record<string, FamilyText>;
export type ItemStatus = keyof typeof ITEM_STATUS;
export const ITEM_STATUSES = Object.keys(ITEM_STATUS) as ItemStatus[];
export function itemStatusText(status: ItemStatus, lang: FamilyLanguage = 'en'): string {
  return ITEM_STATUS[status][lang];
}

/** What an item is: a bill for medical care, a transport receipt, or a period unable to work (STMB). */
const ITEM_KIND = {
  treatment: { en: 'Medical care', id: 'Perawatan medis' },
  transport: { en: 'Transport', id: 'Transportasi' },
  // santunan sementara tidak mampu bekerja
  incapacity: { en: 'Wage while unable to work (STMB)', id: 'Upah selama tidak mampu bekerja (STMB)' },
} as const satisfies Record<ItemKind, FamilyText>;
export function itemKindText(kind: ItemKind, lang: FamilyLanguage = 'en'): string {
  return ITEM_KIND[kind][lang];
}

/** An item in one line: "Medical care by RS Trauma (land), 2026-11-20 to 2026-11-22". */
export function itemDescription(
  item: { kind: ItemKind; provider?: string | null; mode?: string | null; from: string; to: string },
  lang: FamilyLanguage = 'en',
): string {
  const words = { en: { by: 'by', to: 'to' }, id: { by: 'oleh', to: 's.d.' } }[lang];
  const period = `${item.from} ${words.to} ${item.to}`;
  if (item.kind === 'incapacity') return `${itemKindText(item.kind, lang)}, ${period}`;
  const by = item.provider ? ` ${words.by} ${item.provider}` : '';
  const mode = item.mode ? ` (${item.mode})` : '';
  return `${itemKindText(item.kind, lang)}${by}${mode}, ${period}`;
}

/** The parts of itemDescription's English line (the API's `what`): its provider and mode, and its period. */
export function itemDescriptionParts(what: string): { by?: string; from?: string; to?: string } {
  const m = /^[^,]*?(?: by (.+?))?(?: \(([a-z]+)\))?, (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})$/.exec(what);
  if (!m) return {};
  return { ...(m[1] ? { by: m[2] ? `${m[1]} (${m[2]})` : m[1] } : {}), from: m[3]!, to: m[4]! };
}

/** What kind of accident: at work, on the way to or from work, or an occupational disease. */
const ACCIDENT_KIND = {
  work: { en: 'An accident at work', id: 'Kecelakaan di tempat kerja' },
  // kecelakaan dalam perjalanan pergi atau pulang kerja
  commuting: {
    en: 'An accident on the way to or from work',
    id: 'Kecelakaan dalam perjalanan pergi atau pulang kerja',
  },
  occupational_disease: { en: 'An occupational disease', id: 'Penyakit akibat kerja' },
} as const satisfies Record<AccidentKind, FamilyText>;
export function accidentKindText(kind: AccidentKind, lang: FamilyLanguage = 'en'): string {
  return ACCIDENT_KIND[kind][lang];
}

/** The investigation's finding. */
const FINDING = {
  work_accident: { en: 'A work accident: JKK pays.', id: 'Kecelakaan kerja: JKK membayar.' },
  not_work_accident: {
    en: 'Not a work accident: JKK does not pay.',
    id: 'Bukan kecelakaan kerja: JKK tidak membayar.',
  },
} as const satisfies Record<Finding, FamilyText>;
export function findingText(finding: Finding, lang: FamilyLanguage = 'en'): string {
  return FINDING[finding][lang];
}

/** What the worker reads for each closing outcome (stage II). */
const CLOSING = {
  recovered: {
    en: 'You have recovered: the case is closed.',
    id: 'Anda sudah sembuh: kasus ditutup.',
  },
  partial_disability: {
    en: 'Partial disability: a lump sum by the anatomical table.',
    id: 'Cacat sebagian: santunan sekaligus menurut tabel cacat anatomis.',
  },
  total_disability: {
    en: 'Permanent total disability: a lump sum, the periodic benefit, and scholarships for up to two children.',
    id: 'Cacat total tetap: santunan sekaligus, santunan berkala, dan beasiswa untuk paling banyak dua anak.',
  },
  died: {
    en: 'The worker died of the accident: the case continues as a death claim for the heirs.',
    id: 'Pekerja meninggal akibat kecelakaan: kasus berlanjut sebagai klaim kematian untuk ahli waris.',
  },
} as const satisfies Record<ClosingOutcome, FamilyText>;
export function closingText(outcome: ClosingOutcome, lang: FamilyLanguage = 'en'): string {
  return CLOSING[outcome][lang];
}

/** What the worker is asked for next, by the case's status (accident statuses only; others ask nothing). */
const NEXT: Partial<Record<ClaimStatus, FamilyText>> = {
  received: {
    en: 'Nothing yet: the case is being checked against the participant registry.',
    id: 'Belum ada: kasus sedang dicocokkan dengan data kepesertaan.',
  },
  waiting_for_finding: {
    en: 'Nothing from you: an officer is investigating the accident (within 30 days of the report).',
    id: 'Tidak ada yang perlu Anda lakukan: petugas sedang memeriksa kecelakaan (paling lama 30 hari sejak laporan).',
  },
  waiting_for_finding_confirmation: {
    en: 'Nothing from you: a second staff member is confirming the finding.',
    id: 'Tidak ada yang perlu Anda lakukan: petugas kedua sedang mengonfirmasi hasil pemeriksaan.',
  },
  under_care: {
    en: "Send each treatment bill or receipt, transport receipts, and the doctor's certificate for each period you cannot work. When you recover, or the doctor assesses a lasting disability, send the doctor's closing statement (stage II).",
    id: 'Kirimkan setiap tagihan atau kuitansi perawatan, kuitansi transportasi, dan surat keterangan dokter untuk setiap masa Anda tidak mampu bekerja. Bila Anda sembuh, atau dokter menilai ada cacat yang menetap, kirimkan surat keterangan dokter tentang akhir perawatan (laporan tahap II).',
  },
  waiting_for_closing_decision: {
    en: 'Nothing from you: the closing is being decided.',
    id: 'Tidak ada yang perlu Anda lakukan: penutupan kasus sedang diputuskan.',
  },
  paying: {
    en: 'Nothing from you: the closing benefit is being paid.',
    id: 'Tidak ada yang perlu Anda lakukan: manfaat penutupan sedang dibayarkan.',
  },
  waiting_for_scholarship_choice: {
    en: 'Nothing from you: a claims officer is choosing which children receive a scholarship.',
    id: 'Tidak ada yang perlu Anda lakukan: petugas klaim sedang memilih anak penerima beasiswa.',
  },
  not_work_accident: {
    en: 'Nothing: the case is closed. You may ask the officer how to appeal the finding.',
    id: 'Tidak ada: kasus sudah ditutup. Anda dapat menanyakan kepada petugas cara mengajukan keberatan atas hasil pemeriksaan.',
  },
  ineligible: {
    en: 'Nothing: the case cannot be paid. The reason is given.',
    id: 'Tidak ada: kasus tidak dapat dibayarkan. Alasannya tertulis.',
  },
  closed: { en: 'Nothing: the case is closed.', id: 'Tidak ada: kasus sudah ditutup.' },
  became_death_claim: {
    en: 'The heirs follow the death claim named here, with the same tracking code.',
    id: 'Ahli waris mengikuti klaim kematian yang disebut di sini, dengan kode pelacakan yang sama.',
  },
};
const NOTHING_NOW: FamilyText = {
  en: 'Nothing from you for now.',
  id: 'Saat ini tidak ada yang perlu Anda lakukan.',
};
/** Added to the next step when a payment's account was refused. */
const ACCOUNT_REFUSED: FamilyText = {
  en: 'A payment to your account was refused by the bank: please give the claims officer another account.',
  id: 'Bank menolak pembayaran ke rekening Anda: mohon berikan rekening lain kepada petugas klaim.',
};

/** What is needed from the worker next: the status's step, and a new account when a payment's was refused. */
export function accidentNextTexts(
  status: ClaimStatus,
  accountRefused: boolean,
  lang: FamilyLanguage = 'en',
): string[] {
  return [(NEXT[status] ?? NOTHING_NOW)[lang], ...(accountRefused ? [ACCOUNT_REFUSED[lang]] : [])];
}
