// The four-eyes rule on a backdated claim date: a supervisor, never the one who filed the claim.
import { backdatingRefusal, isBackdated } from '../../rules';

describe('a backdated claim date', () => {
  it('is a claim date before the day the claim reached the system, and only that', () => {
    expect(isBackdated('2026-11-20', '2026-12-01')).toBe(true);
    expect(isBackdated('2026-12-01', '2026-12-01')).toBe(false);
    expect(isBackdated('2026-12-02', '2026-12-01')).toBe(false);
  });

  it('may be decided by a supervisor who did not file the claim', () => {
    expect(
      backdatingRefusal({ deciderId: 'sup-2', deciderRole: 'supervisor', filedBy: 'officer-1' }),
    ).toBeUndefined();
  });

  it.each([
    ['an officer', { deciderId: 'officer-2', deciderRole: 'officer' as const }, 'supervisor-required'],
    ['an auditor', { deciderId: 'auditor-1', deciderRole: 'auditor' as const }, 'supervisor-required'],
    ['the filer', { deciderId: 'sup-1', deciderRole: 'supervisor' as const }, 'maker-checker'],
  ])('may not be decided by %s', (_who, decider, rule) => {
    expect(backdatingRefusal({ ...decider, filedBy: 'sup-1' })).toMatchObject({ rule });
  });
});
