// English: the same keys as id.ts.
import type { Messages } from './id';

export const en: Messages = {
  shell: {
    skip: 'Skip to content',
    brand: 'Santunan',
    agency: 'BPJS Ketenagakerjaan: death and work-accident benefits',
    language: 'Language',
    notFound: 'There is no such page.',
    loading: 'Loading…',
    loadFailed: 'The page could not be loaded. Check the internet connection and try again.',
  },
  family: {
    title: 'Track your claim',
  },
};
