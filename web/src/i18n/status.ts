// The family's status texts in the page's language, from the one place they are written: vocabulary/status.ts.
import {
  claimStatusText,
  scholarshipStatusText,
  type ClaimStatus,
  type ScholarshipStatus,
} from '../../../vocabulary/status';
import {
  accidentKindText,
  accidentNextTexts,
  closingText,
  findingText,
  itemKindText,
  itemStatusText,
  type ItemStatus,
} from '../../../vocabulary/accident-texts';
import type { AccidentKind, ClosingOutcome, Finding, ItemKind } from '../../../vocabulary/accident';
import { language } from '.';

export const claimStatus = (status: ClaimStatus) => claimStatusText(status, language());
export const scholarshipStatus = (status: ScholarshipStatus) => scholarshipStatusText(status, language());

// An accident case's texts (vocabulary/accident-texts.ts), in the page's language.
export const accidentTexts = () => {
  const lang = language();
  return {
    itemStatus: (s: ItemStatus) => itemStatusText(s, lang),
    itemKind: (k: ItemKind) => itemKindText(k, lang),
    accidentKind: (k: AccidentKind) => accidentKindText(k, lang),
    finding: (f: Finding) => findingText(f, lang),
    closing: (o: ClosingOutcome) => closingText(o, lang),
    next: (status: ClaimStatus, accountRefused: boolean) => accidentNextTexts(status, accountRefused, lang),
  };
};
