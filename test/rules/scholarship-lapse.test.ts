import { yearWithoutProof } from '../../rules/scholarship-lapse';

const facts = { dateOfBirth: '2020-03-10', startAge: 4, deadline: '2026-12-31' };

describe('a school year without proof of enrolment', () => {
  it('lapses once a school year is reported and the child is 4 or older on 1 July', () => {
    expect(yearWithoutProof({ ...facts, reported: true, startYear: 2026 })).toEqual({
      outcome: 'lapsed',
      reason: 'No proof of enrolment by 2026-12-31.',
    });
  });

  it('does not lapse before the first school year reported, whatever the age (the child may start straight at SD)', () => {
    for (const startYear of [2024, 2025, 2026, 2027]) {
      const verdict = yearWithoutProof({ ...facts, reported: false, startYear });
      expect(verdict.outcome).toBe('not_yet_at_school');
    }
    expect(yearWithoutProof({ ...facts, reported: false, startYear: 2026 }).reason).toMatch(
      /has not started school yet/,
    );
  });

  it('does not lapse while the child is under 4 on 1 July, even with schooling reported; lapses from the 4th birthday', () => {
    const born = { ...facts, dateOfBirth: '2022-07-02', reported: true };
    expect(yearWithoutProof({ ...born, startYear: 2026 })).toMatchObject({ outcome: 'not_yet_at_school' });
    expect(yearWithoutProof({ ...born, startYear: 2026 }).reason).toMatch(/under 4 on 1 July 2026/);
    expect(yearWithoutProof({ ...born, startYear: 2027 }).outcome).toBe('lapsed');
    const fourOnTheDay = { ...facts, dateOfBirth: '2022-07-01', reported: true, startYear: 2026 };
    expect(yearWithoutProof(fourOnTheDay).outcome).toBe('lapsed');
  });
});
