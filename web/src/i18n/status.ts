// The family's status texts in the page's language, from the one place they are written: vocabulary/status.ts.
import {
  claimStatusText,
  scholarshipStatusText,
  type ClaimStatus,
  type ScholarshipStatus,
} from '../../../vocabulary/status';
import { language } from '.';

export const claimStatus = (status: ClaimStatus) => claimStatusText(status, language());
export const scholarshipStatus = (status: ScholarshipStatus) => scholarshipStatusText(status, language());
