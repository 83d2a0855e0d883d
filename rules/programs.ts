// The two programmes this project pays: JKM (jaminan kematian, death not caused by work) and JKK (jaminan
// kecelakaan kerja, work accidents). No zod here: workflow code and id patterns read this list.
export const PROGRAMS = ['JKM', 'JKK'] as const;
export type Program = (typeof PROGRAMS)[number];
