// The typed API client: openapi-fetch over the types openapi-typescript generates from the app's own OpenAPI
// document (scripts/web-api-types.ts writes schema.gen.ts at build time; it is not committed).
import createClient from 'openapi-fetch';
import type { paths } from './schema.gen';

export type { paths };
export const api = createClient<paths>({ baseUrl: '/api/v1' });
