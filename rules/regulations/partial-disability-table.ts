// Partial-disability percentages (PP 44/2015, annex III), kept by PP 82/2019. A sample of the annex:
// add an entry here to extend it. Arm entries name their mirror image, used for a left-handed worker.
import type { PartialDisabilityEntry } from './types';

export const PARTIAL_DISABILITY_TABLE: readonly PartialDisabilityEntry[] = [
  { code: 'eyes_both', label: 'sight of both eyes', percent: 70 },
  { code: 'eye_one', label: 'sight of one eye', percent: 35 },
  { code: 'hearing_both', label: 'hearing of both ears', percent: 40 },
  { code: 'hearing_one', label: 'hearing of one ear', percent: 20 },
  {
    code: 'arm_right_shoulder',
    label: 'right arm from the shoulder',
    percent: 40,
    swapsForLeftHandedWith: 'arm_left_shoulder',
  },
  {
    code: 'arm_left_shoulder',
    label: 'left arm from the shoulder',
    percent: 35,
    swapsForLeftHandedWith: 'arm_right_shoulder',
  },
  { code: 'earlobe_one', label: 'one earlobe', percent: 5 },
];
