// Amounts, dates and service levels as staff read them, in the page's language.
import { language } from '../i18n';

const locale = () => (language() === 'id' ? 'id-ID' : 'en-GB');

/** Whole rupiah: "Rp 20.000.000" in Indonesian, "IDR 20,000,000" in English. */
export function rupiah(amount: number | string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '–';
  return new Intl.NumberFormat(locale(), {
    style: 'currency',
    currency: 'IDR',
    maximumFractionDigits: 0,
  }).format(Number(amount));
}

/** The calendar day of a date or a date-time the API sent (YYYY-MM-DD first). */
export function dayOf(value: string | null | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
}

/** "4 Des 2026" / "4 Dec 2026"; the day as written, whatever the browser's time zone. */
export function day(value: string | null | undefined): string {
  const d = dayOf(value);
  if (!d) return '–';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${d}T00:00:00Z`),
  );
}

/** A moment in Jakarta's time, where the agency works. */
export function moment(value: string | null | undefined): string {
  if (!value) return '–';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Jakarta',
  }).format(d);
}

/** Today in Asia/Jakarta, as YYYY-MM-DD (the service levels count Jakarta days). */
export function jakartaToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(now);
}

export type ServiceLevel = { kind: 'overdue' | 'today' | 'due'; due: string } | undefined;

/** Where a claim waiting for its documents stands against its verification deadline. */
export function serviceLevel(
  status: string,
  verificationDue: string | null | undefined,
  today = jakartaToday(),
): ServiceLevel {
  const due = dayOf(verificationDue);
  if (status !== 'waiting_for_documents' || !due) return undefined;
  if (due < today) return { kind: 'overdue', due };
  if (due === today) return { kind: 'today', due };
  return { kind: 'due', due };
}
