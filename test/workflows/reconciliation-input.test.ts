// The reconciliation's input is checked without zod (the schema is loaded only to refuse): it takes exactly what the
// schema takes, returning the same, and refuses the rest with an InvalidInput failure naming the field.
import fc from 'fast-check';
import { reconciliationInputSchema } from '../../workflows/input-schemas';
import { validateReconciliationInput } from '../../workflows/reconciliation';
import { nearlyValid } from '../helpers/mutate';

function outcome(value: unknown): unknown {
  try {
    return { taken: validateReconciliationInput(value) };
  } catch (err) {
    return { refused: (err as Error).message };
  }
}

describe('validateReconciliationInput against reconciliationInputSchema', () => {
  it('takes what the schema takes, as the schema returns it, and refuses the rest', () => {
    const inputs = nearlyValid(fc.constantFrom({ date: '2026-06-15' }, {}, { date: '2024-02-29' }));
    fc.assert(
      fc.property(inputs, (value) => {
        const parsed = reconciliationInputSchema.safeParse(value);
        if (parsed.success) expect(outcome(value)).toStrictEqual({ taken: parsed.data });
        else
          expect(outcome(value)).toEqual({
            refused: expect.stringMatching(/^Invalid reconciliation input: /),
          });
      }),
      { numRuns: 3000 },
    );
    expect(outcome(undefined)).toStrictEqual({ taken: {} });
    expect(outcome({ date: '2026-02-30' })).toEqual({ refused: 'Invalid reconciliation input: date' });
  });
});
