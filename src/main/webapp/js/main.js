// Starts the page: learns how to sign in (GET /api/web/config), signs in or restores the session,
// then shows the views for the address and opens the live stream.

import { ApiError, publicApi } from './api.js';
import { session } from './auth.js';
import { alerts } from './alerts.js';
import { chats } from './chats.js';
import { conversation } from './conversation.js';
import { dialogs } from './dialogs.js';
import { $, $$, paintAvatar, show } from './dom.js';
import { emit, on } from './events.js';
import { clearErrors, showError } from './forms.js';
import { inbox } from './inbox.js';
import { message } from './message.js';
import { prefs } from './prefs.js';
import { navigate, startRouter } from './router.js';
import { search } from './search.js';
import { LiveStream } from './stream.js';

const views = {
  home: { section: 'view-home', pane: 'list', nav: 'home' },
  conversation: { section: 'view-conversation', pane: 'main', nav: 'home', view: conversation },
  inbox: { section: 'view-inbox', pane: 'main', nav: 'inbox', view: inbox },
  search: { section: 'view-search', pane: 'main', nav: 'search', view: search },
  settings: { section: 'view-settings', pane: 'main', nav: 'settings', view: prefs },
  message: { section: 'view-message', pane: 'main', nav: 'inbox', view: message },
  notfound: { section: 'view-notfound', pane: 'main', nav: null },
};

let stream = null;
let shown = null;
let started = false;

const CONNECTION_WORDS = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  unavailable: 'Live updates unavailable',
  stopped: 'Offline',
};

function showRoute(route) {
  const target = views[route.name] || views.notfound;
  if (shown && shown !== target) shown.view?.hide();
  for (const section of $$('main > .view')) show(section, section.id === target.section);
  document.body.dataset.pane = target.pane;
  for (const link of $$('[data-nav]')) {
    if (link.dataset.nav === target.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (route.name === 'conversation') target.view.show(route.id);
  else if (target.view) target.view.show(route);
  else chats.setActive(null);
  const focusMain = shown !== target && shown !== null;
  shown = target;
  if (focusMain && route.name !== 'conversation') $('#main').focus({ preventScroll: true });
  if (route.name === 'conversation') conversation.focusComposer();
}

function paintConnection(state) {
  const el = $('#connection');
  el.dataset.state = state;
  el.textContent = CONNECTION_WORDS[state] || state;
}

function startStream() {
  stream = new LiveStream({
    token: () => session.token(),
    renew: () => session.renew(),
    onEvent: (type, data) => emit(`stream:${type}`, data),
    onState: (state) => {
      paintConnection(state);
      emit('stream:state', state);
    },
    onOpen: (resumed) => emit('stream:open', resumed),
  });
  stream.start();
  // A page the user leaves (or that goes into the back/forward cache) gives its connection back
  // at once: over HTTP/1.1 a browser opens at most six connections to a host, and a stream that
  // outlived its page held one of them until the next page's requests queued behind it.
  window.addEventListener('pagehide', () => stream.stop());
  window.addEventListener('pageshow', (e) => {
    if (e.persisted) stream.start(); // resumes from the last event id: nothing missed
  });
  document.addEventListener('visibilitychange', () => {
    const state = $('#connection').dataset.state;
    if (document.visibilityState === 'visible' && state === 'reconnecting') stream.reconnectNow();
  });
}

async function startApp(returnTo) {
  show($('#boot'), false);
  show($('#signin'), false);
  show($('#app'), true);
  $('#me-name').textContent = session.user;
  paintAvatar($('#me-avatar'), session.user);
  if (!started) {
    started = true;
    conversation.start();
    inbox.start();
    search.start();
    prefs.start();
    message.start();
    dialogs.start();
    alerts.useMuted(() => prefs.muted());
    alerts.onCounts((counts) => inbox.summarize(counts));
    $('#back-button').addEventListener('click', () => navigate('/'));
    $('#sign-out').addEventListener('click', () => session.signOut());
    chats.start();
    alerts.start();
    if (returnTo) window.history.replaceState(null, '', returnTo);
    startRouter(showRoute);
  }
  startStream();
}

function showSignIn(config, notice) {
  show($('#boot'), false);
  show($('#app'), false);
  show($('#signin'), true);
  const dev = config?.signIn === 'dev';
  show($('#signin-dev'), dev);
  show($('#signin-oidc'), config?.signIn === 'oidc');
  const noticeEl = $('#signin-notice');
  noticeEl.textContent = notice || '';
  show(noticeEl, Boolean(notice));
  if (dev) {
    const input = $('#signin-user');
    input.value = input.value || session.lastUser();
    input.focus();
  }
}

function wireSignIn(config) {
  const form = $('#signin-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const button = form.querySelector(config.signIn === 'dev' ? '#signin-dev button' : '#signin-oidc button');
    button.disabled = true;
    try {
      if (config.signIn === 'dev') {
        const user = $('#signin-user').value.trim();
        if (!user) throw new ApiError(400, { title: 'No user name', errors: [{ field: 'user', detail: 'is required' }] });
        await session.signInDev(user);
        if (started) window.location.reload(); // a different user: start from a clean page
        else await startApp();
      } else {
        const here = window.location.pathname + window.location.search;
        await session.signInOidc(here);
      }
    } catch (e) {
      showError(form, e.problem ? new ApiError(e.problem.status || 400, e.problem) : e);
    } finally {
      button.disabled = false;
    }
  });
}

// Development only: the page where the run command's mail and SMS sinks show the alerts sent.
function linkDevAlerts(config) {
  if (config.signIn !== 'dev' || !config.devAlerts) return;
  const link = $('#dev-alerts');
  link.href = config.devAlerts;
  show(link, true);
}

async function boot() {
  let config;
  try {
    config = await publicApi('web/config');
  } catch (e) {
    showSignIn(null, `Herald cannot start: ${e.words || e.message}`);
    return;
  }
  wireSignIn(config);
  linkDevAlerts(config);
  if (config.signIn === 'oidc' && !config.issuer) {
    showSignIn(config, 'Sign-in is not configured on this server (herald.web.oidc.issuer).');
    return;
  }
  on('session:ended', ({ reason }) => {
    stream?.stop();
    stream = null;
    if (started) {
      if (reason) window.sessionStorage.setItem('herald.notice', reason);
      window.location.reload();
      return;
    }
    showSignIn(config, reason);
  });
  const { signedIn, returnTo, error } = await session.init(config);
  if (signedIn) {
    await startApp(returnTo);
    return;
  }
  const notice = error || window.sessionStorage.getItem('herald.notice');
  window.sessionStorage.removeItem('herald.notice');
  showSignIn(config, notice);
}

boot();
