// OpenID Connect sign-in for a public client: authorization code flow with PKCE (S256), state and
// nonce checked, tokens from the token endpoint by fetch. Nothing secret ever goes into a URL: the
// code that comes back is single-use, bound to our verifier, and removed from the address at once.

const PENDING = 'herald.oidc.pending';

export function base64url(bytes) {
  let binary = '';
  for (const b of new Uint8Array(bytes)) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(bytes = 32) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

export async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(digest);
}

/** The claims of a JWT, unverified (the API verifies tokens; the page only reads them). */
export function claimsOf(jwt) {
  const part = String(jwt || '').split('.')[1];
  if (!part) return {};
  const padded = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function redirectUri() {
  return `${window.location.origin}/`;
}

async function discover(issuer) {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`, {
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`The identity provider's discovery document answered ${response.status}.`);
  const doc = await response.json();
  if (doc.issuer && doc.issuer.replace(/\/$/, '') !== issuer) {
    throw new Error(`The identity provider calls itself ${doc.issuer}, not ${issuer}.`);
  }
  return doc;
}

/** Sends the browser to the identity provider; it comes back to this page with a code. */
export async function beginSignIn(config, returnTo) {
  window.location.assign(await authorizationUrl(config, returnTo));
}

/**
 * The identity provider's authorization address for a new sign-in, with a fresh PKCE verifier,
 * state and nonce kept in this tab's sessionStorage until the browser comes back.
 */
export async function authorizationUrl(config, returnTo) {
  const provider = await discover(config.issuer);
  const verifier = randomString(48);
  const state = randomString();
  const nonce = randomString();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, nonce, returnTo }));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: config.scope,
    state,
    nonce,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  });
  return `${provider.authorization_endpoint}?${params}`;
}

/** Whether this page load is the identity provider sending the browser back. */
export function isCallback() {
  const params = new URLSearchParams(window.location.search);
  return params.has('state') && (params.has('code') || params.has('error'));
}

/**
 * Finishes a sign-in: checks state, exchanges the code (with the PKCE verifier) for tokens, checks
 * the ID token's nonce, issuer and audience. Answers {tokens, returnTo}; throws with a reason.
 */
export async function completeSignIn(config) {
  const params = new URLSearchParams(window.location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  const returnTo = pending?.returnTo || '/';
  // the code leaves the address bar (and history) before anything else happens
  window.history.replaceState(null, '', returnTo);
  if (!pending || params.get('state') !== pending.state) {
    throw new Error('The sign-in answer does not belong to this browser tab (state mismatch). Sign in again.');
  }
  if (params.has('error')) {
    throw new Error(`The identity provider refused the sign-in: ${params.get('error_description') || params.get('error')}.`);
  }
  const provider = await discover(config.issuer);
  const tokens = await tokenRequest(provider, {
    grant_type: 'authorization_code',
    code: params.get('code'),
    redirect_uri: redirectUri(),
    client_id: config.clientId,
    code_verifier: pending.verifier,
  });
  checkIdToken(tokens.id_token, config, pending.nonce);
  return { tokens, returnTo };
}

function checkIdToken(idToken, config, nonce) {
  if (!idToken) throw new Error('The identity provider sent no ID token.');
  const claims = claimsOf(idToken);
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (claims.nonce !== nonce) throw new Error('The ID token is not for this sign-in (nonce mismatch).');
  if (String(claims.iss).replace(/\/$/, '') !== config.issuer) throw new Error('The ID token comes from another issuer.');
  if (!audiences.includes(config.clientId)) throw new Error('The ID token is for another client.');
  if (claims.exp && claims.exp * 1000 < Date.now()) throw new Error('The ID token has expired.');
}

/** New tokens from a refresh token, when the provider gave one. */
export async function refresh(config, refreshToken) {
  const provider = await discover(config.issuer);
  return tokenRequest(provider, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: config.clientId,
  });
}

async function tokenRequest(provider, form) {
  const response = await fetch(provider.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(form),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) {
    throw new Error(`The identity provider did not issue tokens: ${body.error_description || body.error || response.status}.`);
  }
  return body;
}
