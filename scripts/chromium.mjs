#!/usr/bin/env node
// Finds the Chromium the browser tests drive (playwright-core does not download browsers here): CHROMIUM_PATH, else
// Debian's /usr/bin/chromium. When it is missing and we run as root (CI, a fresh machine), installs the Debian
// package `chromium` with apt-get and says so; otherwise says how. `npm test` calls this before the browser tests.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function executable(p) {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

if (!executable(path)) {
  if (process.getuid?.() === 0 && !process.env.CHROMIUM_PATH) {
    console.log(
      'chromium: /usr/bin/chromium is missing; installing the Debian package `chromium` with apt-get',
    );
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
        stdio: 'inherit',
        env,
      });
    } catch (err) {
      console.error(`chromium: apt-get failed (${err.message})`);
      process.exit(1);
    }
  }
  if (!executable(path)) {
    console.error(
      `chromium: no browser at ${path}: install Debian's \`chromium\` (apt-get install chromium) or set CHROMIUM_PATH`,
    );
    process.exit(1);
  }
}
