// The workflows number their steps with this type; the claims and scholarships stores append them.
export type { StepEvent } from '../db/stores';
