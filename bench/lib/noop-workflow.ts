// The ceiling for replay throughput: a workflow that does nothing but produce history events. Each call to the
// no-op activity adds 6 events, each 1 ms timer 5; the bench picks counts to match a claim history's length.
import { proxyActivities, sleep } from '@temporalio/workflow';

const { noop } = proxyActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '10s' });

export async function noopWorkflow(activities: number, timers: number): Promise<void> {
  for (let i = 0; i < activities; i++) await noop();
  for (let i = 0; i < timers; i++) await sleep(1);
}
