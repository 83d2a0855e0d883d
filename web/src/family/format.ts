// Amounts in rupiah and dates in the page's language, on the Asia/Jakarta calendar.
import { language } from '../i18n';

const locale = () => (language() === 'id' ? 'id-ID' : 'en-GB');

export function rupiah(amount: number): string {
  return new Intl.NumberFormat(locale(), {
    style: 'currency',
    currency: 'IDR',
    maximumFractionDigits: 0,
  }).format(amount);
}

/** A day written YYYY-MM-DD, as "24 November 2026". */
export function day(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, m! - 1, d!)),
  );
}

/** A moment, as "24 November 2026 14.05" in Jakarta time. */
export function moment(iso: string): string {
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Jakarta',
  }).format(new Date(iso));
}
