// A real OpenID provider for the single sign-on test: the certified npm package
// `oidc-provider`, with its development login form (any name, any password; the name
// becomes the subject and the `preferred_username` claim). Usage:
//   node oidc-provider.mjs PORT CLIENT_ID CLIENT_SECRET REDIRECT_URI
// Prints "ready" on stdout when it listens.
import Provider from 'oidc-provider';

const [port, clientId, clientSecret, redirectUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  pkce: { required: () => true },
  claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() { return { sub: id, preferred_username: id, name: id }; },
    };
  },
  // Claims asked for by scope go into the ID token (as Entra ID puts preferred_username
  // there), not only to the userinfo endpoint.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
});
provider.listen(Number(port), '127.0.0.1', () => console.log('ready'));
