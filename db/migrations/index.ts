import type { Knex } from 'knex';
import * as registry from './20261124000100_registry';
import * as claims from './20261124000200_claims';

// Migrations listed explicitly so they load the same way under tsx, jest and compiled JS.
const migrations: Record<string, Knex.Migration> = {
  '20261124000100_registry': registry,
  '20261124000200_claims': claims,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => {
    const migration = migrations[name];
    if (!migration) throw new Error(`unknown migration ${name}`);
    return migration;
  },
};
