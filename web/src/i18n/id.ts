// Bahasa Indonesia: the page's default. en.ts has the same keys (its type is this file's shape).
export const id = {
  shell: {
    skip: 'Langsung ke isi',
    brand: 'Santunan',
    agency: 'BPJS Ketenagakerjaan: jaminan kematian dan kecelakaan kerja',
    language: 'Bahasa',
    notFound: 'Halaman ini tidak ada.',
    loading: 'Memuat…',
    loadFailed: 'Halaman tidak dapat dimuat. Periksa sambungan internet lalu coba lagi.',
  },
  family: {
    title: 'Lacak klaim Anda',
  },
};

export type Messages = typeof id;
