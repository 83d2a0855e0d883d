// Workers in tests log errors only: expected failures (refused accounts, poison pills) would drown the report.
import { DefaultLogger, Runtime } from '@temporalio/worker';

Runtime.install({ logger: new DefaultLogger('ERROR') });
