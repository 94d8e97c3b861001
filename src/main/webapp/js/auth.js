// Who is signed in, and their token: kept in this tab's sessionStorage (never in a URL), renewed
// before it runs out. Development tokens are simply minted again for the same user name; OpenID
// Connect tokens are refreshed when the provider gave a refresh token, else the user signs in again.

import { emit } from './events.js';
import { beginSignIn, claimsOf, completeSignIn, isCallback, refresh } from './oidc.js';

const KEY = 'herald.session';
const LAST_USER = 'herald.lastUser';
const RENEW_BEFORE_MS = 60_000;

let config = null;
let current = null; // {user, token, exp (ms), refreshToken?}
let renewing = null;

function save(value) {
  current = value;
  if (value) sessionStorage.setItem(KEY, JSON.stringify(value));
  else sessionStorage.removeItem(KEY);
}

function fromToken(token, refreshToken) {
  const claims = claimsOf(token);
  return {
    user: claims.sub,
    token,
    exp: claims.exp ? claims.exp * 1000 : Date.now() + 3_600_000,
    refreshToken: refreshToken || null,
  };
}

async function mintDevToken(user) {
  const response = await fetch('/api/dev/tokens', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ user }),
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error(body?.title || `Sign-in failed (${response.status})`);
    error.problem = body;
    throw error;
  }
  return body.token;
}

export const session = {
  get mode() {
    return config?.signIn;
  },

  get user() {
    return current?.user ?? null;
  },

  /**
   * Restores this tab's session or finishes an OIDC redirect. Answers {signedIn, returnTo?,
   * error?}.
   */
  async init(webConfig) {
    config = webConfig;
    if (config.signIn === 'oidc' && isCallback()) {
      try {
        const { tokens, returnTo } = await completeSignIn(config);
        save(fromToken(tokens.access_token, tokens.refresh_token));
        return { signedIn: true, returnTo };
      } catch (e) {
        return { signedIn: false, error: e.message };
      }
    }
    const stored = JSON.parse(sessionStorage.getItem(KEY) || 'null');
    if (stored?.token && stored.user) {
      current = stored;
      if (stored.exp - Date.now() < RENEW_BEFORE_MS) {
        try {
          await this.renew();
        } catch {
          save(null);
          return { signedIn: false };
        }
      }
      return { signedIn: true };
    }
    return { signedIn: false };
  },

  lastUser() {
    return localStorage.getItem(LAST_USER) || '';
  },

  async signInDev(user) {
    const token = await mintDevToken(user);
    localStorage.setItem(LAST_USER, user);
    save(fromToken(token));
  },

  async signInOidc(returnTo) {
    await beginSignIn(config, returnTo);
  },

  /** The current token, renewed first when it runs out within a minute. */
  async token() {
    if (!current) return null;
    if (current.exp - Date.now() < RENEW_BEFORE_MS && this.canRenew()) {
      try {
        await this.renew();
      } catch {
        // the call goes out with the old token; a 401 ends the session
      }
    }
    return current?.token ?? null;
  },

  canRenew() {
    if (!current) return false;
    return config?.signIn === 'dev' || Boolean(current.refreshToken);
  },

  /** A fresh token for the same user; concurrent callers share one renewal. */
  renew() {
    if (!renewing) {
      renewing = (async () => {
        if (!this.canRenew()) throw new Error('This session cannot be renewed.');
        const { user } = current;
        if (config.signIn === 'dev') {
          save(fromToken(await mintDevToken(user)));
        } else {
          const tokens = await refresh(config, current.refreshToken);
          save(fromToken(tokens.access_token, tokens.refresh_token || current.refreshToken));
        }
      })().finally(() => {
        renewing = null;
      });
    }
    return renewing;
  },

  /** The server refused the token and it cannot be renewed: the user must sign in again. */
  expired() {
    if (this.canRenew()) return;
    save(null);
    emit('session:ended', { reason: 'Your session has ended. Sign in again to continue.' });
  },

  signOut() {
    save(null);
    emit('session:ended', { reason: null });
  },
};
