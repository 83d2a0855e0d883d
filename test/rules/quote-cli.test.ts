// `npm run quote` end to end: the CLI answers exactly what quote() answers, and refuses bad input with
// a problem JSON on stderr and exit code 2.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { quote } from '../../rules';
import { jkkCase } from './factories';

const root = path.resolve(__dirname, '../..');

function runCli(input: string) {
  return spawnSync('npx', ['tsx', 'bin/quote.ts'], { cwd: root, input, encoding: 'utf8', timeout: 30_000 });
}

describe('quote CLI', () => {
  it('prints the quote of a valid request on stdout, as quote() computes it', () => {
    const request = jkkCase('death', {
      actualMonthlyWage: 6_000_000,
      children: [{ dateOfBirth: '2022-03-01' }],
    });
    const result = runCli(JSON.stringify(request));
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(quote(request))));
    expect(JSON.parse(result.stdout).total).toBe(262_000_000);
  });

  it.each([
    ['an impossible date', JSON.stringify({ ...jkkCase('death'), eventDate: '2023-02-30' }), 'eventDate'],
    [
      'a rule refusal',
      JSON.stringify({ ...jkkCase('death'), program: 'JKM', event: 'partial_disability' }),
      'event',
    ],
    ['text that is not JSON', '{"program":', '(body)'],
  ])('exits 2 with a problem JSON naming the field for %s', (_name, input, field) => {
    const result = runCli(input);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    // npx may print its own warnings before the problem JSON.
    const problem = JSON.parse(result.stderr.slice(result.stderr.indexOf('{')));
    expect(problem).toMatchObject({
      status: 400,
      title: expect.any(String),
      type: expect.stringContaining('/problems/'),
    });
    expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
