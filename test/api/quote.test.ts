// POST /benefits/quote and `npm run quote` give the same answer, and refuse bad input naming the field.
import { spawnSync } from 'node:child_process';
import request from 'supertest';
import { root } from '../helpers/paths';
import { startApiHarness, type ApiHarness } from './harness';

let h: ApiHarness;
let officer: string;
beforeAll(async () => {
  h = await startApiHarness();
  officer = h.token({ id: 'officer-1', role: 'officer' });
});
afterAll(async () => {
  await h?.close();
});

function cli(input: string) {
  return spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'bin/quote.ts'], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

const jkmWithChildren = {
  program: 'JKM',
  event: 'death',
  eventDate: '2024-03-01',
  membershipStartDate: '2019-01-01',
  monthlyWage: 5_000_000,
  children: [
    { dateOfBirth: '2016-05-10', schooling: { level: 'SD', grade: 2 } },
    { dateOfBirth: '2022-01-01' },
  ],
};

describe('POST /benefits/quote', () => {
  it('answers exactly what the CLI prints for the same request', async () => {
    const res = await request(h.app)
      .post('/api/v1/benefits/quote')
      .set('Authorization', `Bearer ${officer}`)
      .send(jkmWithChildren);
    expect(res.status).toBe(200);
    const printed = cli(JSON.stringify(jkmWithChildren));
    expect(printed.status).toBe(0);
    expect(res.body).toEqual(JSON.parse(printed.stdout));
    expect(res.body.regulation).toBe('PP82-2019');
    expect(res.body.total).toBe(42_000_000);
    expect(res.body.scholarship.children).toHaveLength(2);
  });

  it.each([
    ['a malformed date', { ...jkmWithChildren, eventDate: '2024-13-01' }, 'eventDate'],
    ['a negative wage', { ...jkmWithChildren, monthlyWage: -5 }, 'monthlyWage'],
    ['an unknown field', { ...jkmWithChildren, approvedBy: 'me' }, 'approvedBy'],
    [
      'an event before July 2015',
      { ...jkmWithChildren, eventDate: '2015-06-30', membershipStartDate: '2010-01-01' },
      'eventDate',
    ],
  ])('answers 400 and the CLI exits 2, both naming the field, for %s', async (_name, body, field) => {
    const res = await request(h.app)
      .post('/api/v1/benefits/quote')
      .set('Authorization', `Bearer ${officer}`)
      .send(body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    const printed = cli(JSON.stringify(body));
    expect(printed.status).toBe(2);
    const problem = JSON.parse(printed.stderr.slice(printed.stderr.indexOf('{')));
    expect(problem).toEqual(res.body);
  });

  it('is for staff only', async () => {
    expect((await request(h.app).post('/api/v1/benefits/quote').send(jkmWithChildren)).status).toBe(401);
  });
});
