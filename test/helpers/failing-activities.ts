// The real activities, with one that fails for good (a non-retryable ApplicationFailure) the first time it is called
// with arguments `when` accepts: shows that a handler whose activity cannot succeed leaves the workflow able to act.
import { ApplicationFailure } from '@temporalio/common';
import { createActivities, type Activities, type ActivityDeps } from '../../activities';

export const TEST_FAILURE = 'TestFailure';

export function failingOnce(
  deps: ActivityDeps,
  name: keyof Activities,
  when: (args: unknown[]) => boolean = () => true,
): Activities {
  const real = createActivities(deps);
  const activity = real[name] as (...args: unknown[]) => Promise<unknown>;
  let failed = false;
  return {
    ...real,
    [name]: async (...args: unknown[]) => {
      if (!failed && when(args)) {
        failed = true;
        throw ApplicationFailure.nonRetryable(`${name} failed for good`, TEST_FAILURE);
      }
      return activity(...args);
    },
  };
}

/** The type of the application failure under a failed update's activity failure, or undefined if it succeeded. */
export async function activityFailureType(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (err) {
    // A regular activity's failure comes wrapped in an ActivityFailure; a local one's (patch
    // claim-shape-fewer-round-trips) reaches the update as it is: the first failure in the chain with a type.
    for (
      let cause = (err as { cause?: unknown }).cause;
      cause;
      cause = (cause as { cause?: unknown }).cause
    ) {
      const type = (cause as { type?: unknown }).type;
      if (typeof type === 'string') return type;
    }
  }
  return undefined;
}
