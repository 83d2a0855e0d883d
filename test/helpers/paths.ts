import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(__dirname, '..', '..');
export const bundlePath = join(root, 'node_modules', '.cache', 'santunan', 'workflow-bundle.js');

const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/santunan_test';

export function templateUrl(): string {
  return base;
}

/** A database URL with another name on the same server. */
export function databaseUrl(name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface TemporalBinaries {
  cli?: string;
  testServer?: string;
}

export function temporalBinaries(): TemporalBinaries {
  return JSON.parse(readFileSync(join(root, '.temporal-binaries.json'), 'utf8')) as TemporalBinaries;
}
