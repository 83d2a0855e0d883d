import { TestWorkflowEnvironment } from '@temporalio/testing';
import { testDataConverter } from './codec';
import { temporalBinaries } from './paths';

/** The time-skipping test server: timers and years pass in seconds. */
export async function timeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const { testServer } = temporalBinaries();
  return TestWorkflowEnvironment.createTimeSkipping({
    client: { dataConverter: testDataConverter },
    ...(testServer ? { server: { executable: { type: 'existing-path', path: testServer } } } : {}),
  });
}

/** The Temporal dev server (the real server, in memory): where updates must be awaited in real time. */
export async function devServerEnv(): Promise<TestWorkflowEnvironment> {
  const { cli } = temporalBinaries();
  return TestWorkflowEnvironment.createLocal({
    client: { dataConverter: testDataConverter },
    ...(cli
      ? {
          server: {
            executable: { type: 'existing-path', path: cli },
            extraArgs: ['--log-level', 'error'],
          },
        }
      : {}),
  });
}
