// The worker process of bench/claims.ts's ceilings: the claim-shaped no-op workflow and its no-op activity, with the
// payload codec the claims' worker uses, in its own process as the claims' worker is (npm start's).
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createDataConverter, parsePayloadKeys } from '../../codec/data-converter';
import { DEV_PAYLOAD_KEYS } from '../../codec/keys';

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const connection = await NativeConnection.connect({ address: process.env.BENCH_TEMPORAL_ADDRESS! });
  const worker = await Worker.create({
    connection,
    taskQueue: process.env.BENCH_TASK_QUEUE!,
    workflowsPath: require.resolve('./claim-shaped-noop'),
    dataConverter: createDataConverter(parsePayloadKeys(DEV_PAYLOAD_KEYS)),
    activities: { async noop() {} },
  });
  const running = worker.run();
  process.on('message', (message: { type: string }) => {
    if (message.type !== 'stop') return;
    worker.shutdown();
    void running.then(async () => {
      await connection.close();
      process.exit(0);
    });
  });
  process.send!({ type: 'ready' });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
