// Herald's REST API as the page calls it: JSON in and out, the bearer token on every call, and
// problem+json answers turned into an ApiError that forms can show next to the field to blame.

import { session } from './auth.js';

/** A failed call: the problem document (RFC 9457) the server answered, or one made up here. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.type = this.problem.type || '';
    this.errors = Array.isArray(this.problem.errors) ? this.problem.errors : [];
    this.retryAfter = null;
  }

  /** The whole problem in words, for the place where the failed action was started. */
  get words() {
    return describe(this);
  }
}

function describe(error) {
  const { problem, status } = error;
  if (status === 0) return 'Herald could not be reached. Check your connection and try again.';
  const after = error.retryAfter ? ` Try again in ${error.retryAfter} s.` : '';
  switch (error.type.replace('urn:herald:problem:', '')) {
    case 'broker-unavailable':
      return `Not sent: Herald could not hand your message over right now.${after || ' Send it again.'}`;
    case 'rate-limited':
      return `You are sending too fast.${after}`;
    case 'send-outcome-unknown':
      return 'Herald lost track of this send: it may or may not have been sent. Check the conversation before sending again.';
    case 'unavailable':
      return `Herald is temporarily unavailable.${after || ' Try again in a moment.'}`;
    case 'verification-code-wrong':
    case 'verification-code-expired':
    case 'verification-code-missing':
    case 'verification-tries-exhausted':
    case 'verification-resend-limited':
      return `${problem.detail}${after}`;
    case 'not-found':
      return problem.detail || 'Not found, or not yours to see.';
    default:
      break;
  }
  const title = problem.title || `Request failed (${status})`;
  const fields = error.errors.map((e) => `${e.field} ${e.detail}`).join('; ');
  if (problem.detail && fields) return `${title}: ${fields}.`;
  if (problem.detail && problem.detail !== title) return `${title}. ${problem.detail}`;
  return fields ? `${title}: ${fields}.` : `${title}.`;
}

/** A query string from an object; empty and absent values are left out. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Calls `/api/<path>`. Answers the parsed JSON (null for 204), or throws ApiError. A 401 renews
 * the token once (dev tokens are re-minted silently) and repeats the call.
 */
export async function api(path, { method = 'GET', body, headers = {}, signal } = {}) {
  const attempt = async () => {
    const init = { method, headers: { Accept: 'application/json', ...headers }, signal };
    const token = await session.token();
    if (token) init.headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    try {
      return await fetch(`/api/${path}`, init);
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiError(0, { title: 'Herald could not be reached' });
    }
  };
  let response = await attempt();
  if (response.status === 401 && session.canRenew()) {
    await session.renew();
    response = await attempt();
  }
  return read(response);
}

async function read(response) {
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const error = new ApiError(response.status, data || { title: response.statusText });
    const retry = Number(response.headers.get('Retry-After'));
    if (retry > 0) error.retryAfter = retry;
    if (response.status === 401) session.expired();
    throw error;
  }
  return data;
}

/** The same call without a token: for the public configuration endpoint. */
export async function publicApi(path, options = {}) {
  let response;
  try {
    response = await fetch(`/api/${path}`, { headers: { Accept: 'application/json' }, ...options });
  } catch {
    throw new ApiError(0, { title: 'Herald could not be reached' });
  }
  if (!response.ok) {
    const data = await response.json().catch(() => null);
    throw new ApiError(response.status, data || { title: response.statusText });
  }
  return response.json();
}
