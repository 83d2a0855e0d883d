/** A rule-level refusal: the request is well formed but the regulation does not allow it. */
export class RuleError extends Error {
  override readonly name = 'RuleError';

  /** @param field the offending field path, e.g. 'eventDate' or 'disability.items.0.code' */
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
