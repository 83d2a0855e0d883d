// A refusal in the page's words.
import type { Translate } from '../i18n';
import type { Refusal } from './track';

export function refusalText(t: Translate, r: Refusal): string {
  switch (r.kind) {
    case 'notFound':
      return t('family.notFound');
    case 'rateLimited':
      return t('family.rateLimited', { minutes: r.minutes });
    case 'invalid':
      return t('family.invalid', { detail: r.detail });
    case 'conflict':
      return t('family.conflict', { detail: r.detail });
    case 'failed':
      return t('family.failed');
  }
}
