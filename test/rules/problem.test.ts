import { z } from 'zod';
import { RuleError } from '../../rules';
import { invalidJsonProblem, problemFromError } from '../../rules/problem';
import { quoteRequestSchema } from '../../rules/schema';
import { jkmDeath } from './factories';

const zodError = (value: unknown): unknown => {
  const result = quoteRequestSchema.safeParse(value);
  if (result.success) throw new Error('expected a schema failure');
  return result.error;
};

describe('problem details for bad quote input', () => {
  it('turns a schema failure into a 400 naming each field', () => {
    const problem = problemFromError(
      zodError({ ...jkmDeath(), eventDate: '2023-02-30', children: [{}], foo: 1 }),
    );
    expect(problem?.status).toBe(400);
    expect(problem?.body).toMatchObject({
      type: 'https://santunan.dev/problems/validation',
      title: 'The request is not valid',
      status: 400,
    });
    expect(problem?.body.errors).toEqual([
      { field: 'eventDate', message: 'must be a real calendar date written YYYY-MM-DD' },
      { field: 'children.0.dateOfBirth', message: expect.any(String) },
      { field: 'foo', message: 'is not a known field' },
    ]);
    expect(problem?.body.detail).toContain('eventDate: must be a real calendar date');
  });

  it('turns a rule refusal into a 400 naming its field', () => {
    const problem = problemFromError(new RuleError('event', 'JKM pays only on death'));
    expect(problem).toEqual({
      status: 400,
      body: {
        type: 'https://santunan.dev/problems/rule-refused',
        title: 'The benefit rules refuse this request',
        status: 400,
        detail: 'event: JKM pays only on death',
        errors: [{ field: 'event', message: 'JKM pays only on death' }],
      },
    });
  });

  it('leaves any other error alone', () => {
    expect(problemFromError(new Error('database down'))).toBeUndefined();
    expect(problemFromError(new RangeError('bug'))).toBeUndefined();
    expect(problemFromError('text')).toBeUndefined();
  });

  it('names the body when it is not an object or not JSON', () => {
    expect(problemFromError(zodError('nope'))?.body.errors).toEqual([
      { field: '(body)', message: expect.any(String) },
    ]);
    expect(invalidJsonProblem().body.errors).toEqual([{ field: '(body)', message: 'is not valid JSON' }]);
  });

  it('recognises a ZodError from any schema', () => {
    const error = z.strictObject({ a: z.int() }).safeParse({ a: 'x' }).error;
    expect(problemFromError(error)?.body.errors).toEqual([{ field: 'a', message: expect.any(String) }]);
  });
});
