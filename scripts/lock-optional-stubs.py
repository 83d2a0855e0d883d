#!/usr/bin/env python3
"""Adds lock entries for optional platform packages this machine's registry mirror does not serve.

`npm install` here cannot fetch e.g. @swc/core-darwin-arm64, so it leaves them out of package-lock.json,
and `npm ci` then refuses the lock as out of sync. Each stub names the version the parent asks for and is
optional: npm ci skips it (wrong platform, or not fetchable) and installs the rest. Run after `npm install`.
"""
import json, re, subprocess, sys

lock_path = 'package-lock.json'
out = subprocess.run(['npm', 'ci', '--dry-run', '--no-audit', '--no-fund'], capture_output=True, text=True)
missing = re.findall(r'Missing: (.+?)@\S* from lock file', out.stderr)
lock = json.load(open(lock_path))
packages = lock['packages']
versions = {}
for entry in packages.values():
    for name, version in (entry.get('optionalDependencies') or {}).items():
        versions[name] = version
added = 0
for name in missing:
    key = 'node_modules/' + name
    if key not in packages and name in versions:
        packages[key] = {'version': versions[name].lstrip('^~='), 'optional': True}
        added += 1
with open(lock_path, 'w') as f:
    json.dump(lock, f, indent=2)
    f.write('\n')
print(f'lock-optional-stubs: {added} optional entries added', file=sys.stderr)
