// A real OpenID Connect provider on localhost (the `oidc-provider` package, certified OpenID), standing in for the
// agency's identity provider in tests. Staff are confidential clients with the client-credentials grant; their
// access tokens are RS256 JWTs for the API's audience, with the staff role in the `role` claim (as an IdP mapper
// would add it). Prints `OIDC_READY {"issuer":...,"clients":{...}}` once it listens; stops on SIGTERM.
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

const AUDIENCE = process.env.OIDC_TEST_AUDIENCE ?? 'santunan-api';
/** client id (the staff member's id, `sub` in the token) → role claim */
const STAFF = {
  'officer-7': 'officer',
  'supervisor-7': 'supervisor',
  'auditor-7': 'auditor',
  'nobody-7': 'visitor',
};

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;
const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), kid: 'test-rs256', alg: 'RS256', use: 'sig' };

const provider = new Provider(issuer, {
  jwks: { keys: [jwk] },
  clients: Object.keys(STAFF).map((id) => ({
    client_id: id,
    client_secret: `${id}-secret`,
    grant_types: ['client_credentials'],
    redirect_uris: [],
    response_types: [],
  })),
  features: {
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => 'urn:santunan:api',
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resource) => ({
        scope: 'claims',
        // Another resource server's tokens carry its own audience: the API must refuse them.
        audience: resource === 'urn:santunan:api' ? AUDIENCE : resource,
        accessTokenTTL: 300,
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  extraTokenClaims: (_ctx, token) => ({ role: STAFF[token.clientId] }),
});
server.on('request', provider.callback());
process.stdout.write(
  `OIDC_READY ${JSON.stringify({ issuer, audience: AUDIENCE, clients: Object.fromEntries(Object.keys(STAFF).map((id) => [id, `${id}-secret`])) })}\n`,
);
process.once('SIGTERM', () => server.close(() => process.exit(0)));
