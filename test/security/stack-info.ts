// What test/security/stack.ts prints once everything is up: `STACK_READY {json}`.
export const STACK_READY = 'STACK_READY';

export interface StackInfo {
  api: string;
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  databaseUrl: string;
  dataDir: string;
  sqliteFile: string;
  authSecret: string;
}
