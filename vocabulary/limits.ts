// Every length a request is held to, once, each the limit of where the value goes: a column in db/migrations, a
// field of the payment gateway, so what the API accepts can be stored and paid. The rules own theirs (MAX_RUPIAH,
// CHILD_NAME_MAX in rules/schema.ts). test/db/limits.test.ts holds each schema against the columns it is written to.
// No zod here: vocabulary/ids.ts (workflow code) reads it.

/** claims.claim_number and every claim_number column: varchar(40). */
export const CLAIM_NUMBER_MAX = 40;
/** heirs.name: varchar(200). */
export const HEIR_NAME_MAX = 200;
/** The payment gateway's accountName (gateway/types.ts): 100; claims.account_name holds 200. */
export const ACCOUNT_NAME_MAX = 100;
/** A staff id (the token's sub): claims.created_by, verified_by, decided_by, claim_events.actor: varchar(100). */
export const STAFF_ID_MAX = 100;
/** A reason or a note, kept in text columns and in claim_events.data (jsonb). */
export const NOTE_MAX = 2000;
/** scholarship_years.institution: varchar(200). */
export const INSTITUTION_MAX = 200;
/** scholarship_years.document_reference: varchar(100). */
export const DOCUMENT_REFERENCE_MAX = 100;
/** intake_requests.idempotency_key: varchar(200). */
export const IDEMPOTENCY_KEY_MAX = 200;
/** claims.tracking_code_hash and intake_requests.tracking_code_hash: varchar(200). */
export const TRACKING_CODE_HASH_MAX = 200;
/** The shortest tracking-code hash a workflow's input may carry (the API makes 64 hex digits). */
export const TRACKING_CODE_HASH_MIN = 10;
/** The most heirs a claim or an accident's closing names (heirs rows of one claim). */
export const HEIRS_MAX = 20;
/** The most children a claim or an accident's closing names, and so a child's highest position on the claim. */
export const CHILDREN_MAX = 20;
