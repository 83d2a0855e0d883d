// Every status a claim or a scholarship can be in, with what the family is told about it, in Bahasa Indonesia and
// English. A status is added here or nowhere: the lists, the closed ones and the texts are derived, and a text cannot be forgotten.
// No zod here: workflow code imports the types (vocabulary/primitives.ts makes the request enums).

/** The languages the family reads: Bahasa Indonesia (the web page's default) and English (the API's statusText). */
export const FAMILY_LANGUAGES = ['id', 'en'] as const;
export type FamilyLanguage = (typeof FAMILY_LANGUAGES)[number];
type FamilyText = Record<FamilyLanguage, string>;

/**
 * A claim's statuses: whether the claim is closed in it, whether it was refused (rejected or ineligible: the death
 * may then be claimed again, README "One death, one claim"), and what the family reads.
 */
const CLAIM_STATUS = {
  received: {
    closed: false,
    family: {
      en: 'Your claim has been received and is being checked against the participant registry.',
      id: 'Klaim Anda sudah kami terima dan sedang dicocokkan dengan data kepesertaan.',
    },
  },
  waiting_for_backdating_approval: {
    closed: false,
    family: {
      en: 'The claim date given is earlier than the day your claim reached us: a supervisor is checking the paper file.',
      id: 'Tanggal klaim yang dicatat lebih awal dari hari klaim Anda kami terima: seorang supervisor sedang memeriksa berkas kertasnya.',
    },
  },
  ineligible: {
    closed: true,
    refused: true,
    family: {
      en: 'Your claim cannot be paid. The reason is given below.',
      id: 'Klaim Anda tidak dapat dibayarkan. Alasannya tertulis di bawah.',
    },
  },
  waiting_for_documents: {
    closed: false,
    family: {
      en: 'Waiting for the documents to be verified by a claims officer.',
      id: 'Dokumen Anda sedang menunggu diperiksa oleh petugas klaim.',
    },
  },
  waiting_for_decision: {
    closed: false,
    family: {
      en: 'The documents are complete; the benefit has been calculated and awaits approval.',
      id: 'Dokumen sudah lengkap; jumlah santunan sudah dihitung dan menunggu persetujuan.',
    },
  },
  rejected: {
    closed: true,
    refused: true,
    family: {
      en: 'Your claim was rejected. The reason is given below.',
      id: 'Klaim Anda ditolak. Alasannya tertulis di bawah.',
    },
  },
  paying: {
    closed: false,
    family: {
      en: 'Your claim was approved and is being paid.',
      id: 'Klaim Anda disetujui dan sedang dibayarkan.',
    },
  },
  waiting_for_bank_account: {
    closed: false,
    family: {
      en: "The bank refused the account. Please send another account, in the account holder's own name, from this page, or give it to the claims officer.",
      id: 'Bank menolak rekening tersebut. Mohon kirim rekening lain atas nama pemilik rekening melalui halaman ini, atau serahkan kepada petugas klaim.',
    },
  },
  // JKK with the employer more than 3 months in arrears: the employer pays the family first (rules/employer-pays-first.ts).
  waiting_for_employer_payment: {
    closed: false,
    family: {
      en: 'Your claim was approved. The employer was more than 3 months behind on its contributions at the accident, so by regulation the employer pays you the benefit first and the agency reimburses the employer after it settles its arrears. Please contact the employer; the claims officer can help.',
      id: 'Klaim Anda disetujui. Saat kecelakaan, perusahaan menunggak iuran lebih dari 3 bulan, sehingga menurut peraturan perusahaan membayar santunan kepada Anda lebih dulu, dan BPJS Ketenagakerjaan menggantinya setelah tunggakan dilunasi. Mohon hubungi perusahaan; petugas klaim dapat membantu.',
    },
  },
  waiting_for_reimbursement_approval: {
    closed: false,
    family: {
      en: "The employer's payment to you and the settlement of its arrears are on record; a supervisor is checking them before the agency reimburses the employer.",
      id: 'Pembayaran perusahaan kepada Anda dan pelunasan tunggakannya sudah dicatat; seorang supervisor memeriksanya sebelum BPJS Ketenagakerjaan mengganti pembayaran perusahaan.',
    },
  },
  // Rekening baru sedang diperiksa: a second staff member checks a new account before anything is paid to it.
  waiting_for_account_review: {
    closed: false,
    family: {
      en: 'A new bank account was given. A second staff member is checking it before anything is paid to it; the account holder on record is told.',
      id: 'Rekening baru sudah diterima. Petugas kedua memeriksanya sebelum ada pembayaran ke rekening itu; pemilik rekening yang tercatat diberi tahu.',
    },
  },
  payout_failed: {
    closed: false,
    family: {
      en: 'A payment could not be made. A supervisor has been told and will contact you; nothing was paid twice.',
      id: 'Sebuah pembayaran tidak dapat dilakukan. Supervisor sudah diberi tahu dan akan menghubungi Anda; tidak ada yang dibayar dua kali.',
    },
  },
  waiting_for_scholarship_choice: {
    closed: false,
    family: {
      en: 'Your claim has been paid. More children qualify for a scholarship than may receive one: a claims officer is choosing.',
      id: 'Klaim Anda sudah dibayar. Anak yang memenuhi syarat beasiswa lebih banyak daripada yang boleh menerima: petugas klaim sedang memilih.',
    },
  },
  paid: { closed: true, family: { en: 'Your claim has been paid.', id: 'Klaim Anda sudah dibayar.' } },
  // Accident cases (JKK, the worker lives): workflows/accident.ts.
  waiting_for_finding: {
    closed: false,
    family: {
      en: 'The accident was reported. An officer is investigating whether it was a work accident.',
      id: 'Kecelakaan sudah dilaporkan. Petugas sedang memeriksa apakah ini kecelakaan kerja.',
    },
  },
  waiting_for_finding_confirmation: {
    closed: false,
    family: {
      en: "The investigation's finding is recorded and waits for a second staff member to confirm it.",
      id: 'Hasil pemeriksaan sudah dicatat dan menunggu konfirmasi petugas kedua.',
    },
  },
  not_work_accident: {
    closed: true,
    refused: true,
    family: {
      en: 'The investigation found it was not a work accident, so JKK does not pay. The reason is given below.',
      id: 'Hasil pemeriksaan: ini bukan kecelakaan kerja, sehingga JKK tidak membayar. Alasannya tertulis di bawah.',
    },
  },
  under_care: {
    closed: false,
    family: {
      en: "It is a work accident. Send treatment bills, transport receipts and the doctor's certificates of time off work; each is paid once two staff members have checked it. The case stays open until the doctor's closing statement.",
      id: 'Ini kecelakaan kerja. Kirimkan tagihan perawatan, kuitansi transportasi dan surat keterangan dokter tentang masa tidak mampu bekerja; masing-masing dibayar setelah diperiksa dua petugas. Kasus tetap terbuka sampai surat keterangan dokter tentang akhir perawatan.',
    },
  },
  waiting_for_closing_decision: {
    closed: false,
    family: {
      en: "The doctor's closing statement is recorded; the benefit awaits a decision by a second staff member.",
      id: 'Surat keterangan dokter tentang akhir perawatan sudah dicatat; manfaatnya menunggu keputusan petugas kedua.',
    },
  },
  closed: {
    closed: true,
    family: {
      en: 'The case is closed. What was paid is listed below.',
      id: 'Kasus sudah ditutup. Apa yang sudah dibayar tercantum di bawah.',
    },
  },
  became_death_claim: {
    closed: true,
    family: {
      en: 'The worker died of the accident: the case continues as a death claim for the heirs, named below.',
      id: 'Pekerja meninggal akibat kecelakaan: kasus berlanjut sebagai klaim kematian untuk ahli waris yang disebut di bawah.',
    },
  },
} as const satisfies Record<string, { closed: boolean; refused?: true; family: FamilyText }>;

export type ClaimStatus = keyof typeof CLAIM_STATUS;
export const CLAIM_STATUSES = Object.keys(CLAIM_STATUS) as [ClaimStatus, ...ClaimStatus[]];

export function isClosedStatus(status: ClaimStatus): boolean {
  return CLAIM_STATUS[status].closed;
}

/** A claim closed without payment: it no longer holds the participant's death, which may be claimed again. */
export function isRefusedStatus(status: ClaimStatus): boolean {
  return 'refused' in CLAIM_STATUS[status];
}

/** The statuses in which a claim was refused (rejected, ineligible). */
export const REFUSED_CLAIM_STATUSES = CLAIM_STATUSES.filter(isRefusedStatus);

/** A death claim's statuses before it waits for its documents: the checklist cannot be recorded yet. */
export const BEFORE_DOCUMENTS: readonly ClaimStatus[] = ['received', 'waiting_for_backdating_approval'];
/** And before it waits for a decision: it cannot be decided before its documents are verified. */
export const BEFORE_DECISION: readonly ClaimStatus[] = [...BEFORE_DOCUMENTS, 'waiting_for_documents'];

/** What the family reads for a claim's status (English unless asked: the API's statusText). */
export function claimStatusText(status: ClaimStatus, lang: FamilyLanguage = 'en'): string {
  return CLAIM_STATUS[status].family[lang];
}

/** A scholarship's statuses (one child's ScholarshipWorkflow), and what the family reads. */
const SCHOLARSHIP_STATUS = {
  waiting_for_school_start: {
    en: 'The scholarship starts when the child starts school: the first window opens on 1 July.',
    id: 'Beasiswa dimulai saat anak mulai sekolah: masa pengiriman bukti pertama dibuka 1 Juli.',
  },
  waiting_for_school_year: {
    en: 'Waiting for the next school year: the window for proof of enrolment opens on 1 July.',
    id: 'Menunggu tahun ajaran berikutnya: masa pengiriman bukti terdaftar sekolah dibuka 1 Juli.',
  },
  waiting_for_proof: {
    en: 'Waiting for proof of enrolment for this school year.',
    id: 'Menunggu bukti terdaftar sekolah untuk tahun ajaran ini.',
  },
  // bukti pendaftaran sedang diperiksa: paid only once a staff member other than the sender confirms it
  proof_under_review: {
    en: 'The proof of enrolment was received and is waiting for a claims officer to check it; the year is paid once it is confirmed.',
    id: 'Bukti terdaftar sekolah sudah diterima dan menunggu diperiksa petugas klaim; tahun ini dibayar setelah bukti dikonfirmasi.',
  },
  paying: {
    en: 'The proof was accepted and the school year is being paid.',
    id: 'Bukti diterima dan beasiswa tahun ajaran ini sedang dibayarkan.',
  },
  waiting_for_bank_account: {
    en: "The bank refused the account. Please send another account, in the account holder's own name, from this page, or give it to the claims officer.",
    id: 'Bank menolak rekening tersebut. Mohon kirim rekening lain atas nama pemilik rekening melalui halaman ini, atau serahkan kepada petugas klaim.',
  },
  waiting_for_account_review: {
    en: 'A new bank account was given. A second staff member is checking it before anything is paid to it; the account holder on record is told.',
    id: 'Rekening baru sudah diterima. Petugas kedua memeriksanya sebelum ada pembayaran ke rekening itu; pemilik rekening yang tercatat diberi tahu.',
  },
  ended: {
    en: 'The scholarship has ended. The reason is given below.',
    id: 'Beasiswa sudah berakhir. Alasannya tertulis di bawah.',
  },
} as const satisfies Record<string, FamilyText>;

export type ScholarshipStatus = keyof typeof SCHOLARSHIP_STATUS;
export const SCHOLARSHIP_STATUSES = Object.keys(SCHOLARSHIP_STATUS) as [
  ScholarshipStatus,
  ...ScholarshipStatus[],
];

export function scholarshipStatusText(status: ScholarshipStatus, lang: FamilyLanguage = 'en'): string {
  return SCHOLARSHIP_STATUS[status][lang];
}

/** A payout's state in the ledger: pending until the gateway answers, then paid, refused, or failed for good. */
export const PAYOUT_STATUSES = ['pending', 'paid', 'refused', 'failed'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

/** Why a scholarship ended. */
export const SCHOLARSHIP_END_REASONS = [
  'age_limit',
  'married',
  'working',
  'died',
  'no_longer_enrolled',
  'graduated',
  'higher_education_cap',
  'total_cap',
  'no_school_year',
] as const;
export type ScholarshipEndReason = (typeof SCHOLARSHIP_END_REASONS)[number];

/**
 * A school year once decided: paid (with the ledger reference), lapsed, not payable, or passed without proof before
 * the child started school (not_yet_at_school: not a lapse, rules/scholarship-lapse.ts).
 */
const SCHOLARSHIP_YEAR_OUTCOMES = ['paid', 'lapsed', 'not_payable', 'not_yet_at_school'] as const;
export type ScholarshipYearOutcome = (typeof SCHOLARSHIP_YEAR_OUTCOMES)[number];

/**
 * A school year's row: its window open, a proof waiting for review (or rejected by the reviewer, the window still
 * open), a proof received (confirmed), a payment refused, or decided.
 */
export const SCHOLARSHIP_YEAR_STATUSES = [
  'window_open',
  'proof_under_review',
  'proof_rejected',
  'proof_received',
  'payment_refused',
  ...SCHOLARSHIP_YEAR_OUTCOMES,
] as const;
export type ScholarshipYearStatus = (typeof SCHOLARSHIP_YEAR_STATUSES)[number];

/** Whether a school year's recorded status is a decision (and not an open window). */
export function isScholarshipYearOutcome(status: string): status is ScholarshipYearOutcome {
  return (SCHOLARSHIP_YEAR_OUTCOMES as readonly string[]).includes(status);
}
