/*
 * The conversation kept for this visitor: the conversation id and token, whether the conversation was
 * started and the bot's welcome has arrived, and the messages to replay into Web Chat after a reload.
 * It also starts a new conversation, and on the page's first start does so (welcome included) while
 * Web Chat's bundle is still loading.
 * On the bot's own page it is in this tab's sessionStorage (it survives reloads and is gone when the
 * tab closes). In the embed widget's frame on another site the browser may refuse the frame any
 * storage, so the copy lives in the host page's own sessionStorage, through the widget script:
 * postMessage to the parent's origin only (named by the widget in ?embed=), and answers accepted only
 * from the parent window at that origin. The widget checks our origin the same way.
 */
(function () {
  'use strict';

  var KEY = 'sciatica-chat/v1';
  // Enough for a long conversation; older messages drop off first.
  var MAX_MESSAGES = 200;
  // A frame not embedded by our widget (or an old widget) never answers: the chat then starts afresh.
  var HOST_ANSWER_MS = 3000;
  var host = hostPage();

  /** The widget's host page, when this page runs in its frame. */
  function hostPage() {
    if (window.parent === window) return null;
    var origin = new URLSearchParams(window.location.search).get('embed');
    try {
      return origin && new URL(origin).origin === origin ? { origin: origin } : null;
    } catch (error) {
      return null;
    }
  }

  function toHost(message) {
    window.parent.postMessage(message, host.origin);
  }

  function parse(text) {
    try {
      var saved = JSON.parse(text || 'null');
      return saved && typeof saved.conversationId === 'string' ? saved : null;
    } catch (error) {
      return null;
    }
  }

  function loadFromHost() {
    return new Promise(function (resolve) {
      var giveUp = setTimeout(function () {
        window.removeEventListener('message', answered);
        resolve(null);
      }, HOST_ANSWER_MS);
      function answered(event) {
        if (event.source !== window.parent || event.origin !== host.origin || !event.data) return;
        // The widget loaded this page ahead of a click (the pointer on its button): it answers when the panel opens.
        if (event.data.type === 'sciatica-chat/hold') clearTimeout(giveUp);
        if (event.data.type !== 'sciatica-chat/state') return;
        clearTimeout(giveUp);
        window.removeEventListener('message', answered);
        resolve(parse(event.data.value));
      }
      window.addEventListener('message', answered);
      toHost({ type: 'sciatica-chat/load' });
    });
  }

  /** A promise of the saved session, or null. */
  function load() {
    if (host) return loadFromHost();
    try {
      return Promise.resolve(parse(window.sessionStorage.getItem(KEY)));
    } catch (error) {
      return Promise.resolve(null);
    }
  }

  function save(session) {
    if (host) {
      toHost({ type: 'sciatica-chat/save', value: JSON.stringify(session) });
      return;
    }
    try {
      window.sessionStorage.setItem(KEY, JSON.stringify(session));
    } catch (error) {
      // Storage full or disabled (private mode): the chat still works, it just won't survive a reload.
    }
  }

  function clear() {
    if (host) {
      toHost({ type: 'sciatica-chat/clear' });
      return;
    }
    try {
      window.sessionStorage.removeItem(KEY);
    } catch (error) {
      // Nothing stored, nothing to clear.
    }
  }

  /** A stored session is reused only for the same mode and while its token is valid. */
  function isUsable(session, mode) {
    return !!session && session.mode === mode && session.expiresAt * 1000 > Date.now() + 60000;
  }

  /** POSTs {} as JSON. Not reaching the bot at all (the network, or a proxy's 502–504) is marked `unreachable`. */
  async function postJson(url, headers) {
    var response;
    try {
      response = await window.fetch(url, {
        method: 'POST', headers: Object.assign({ 'Content-Type': 'application/json' }, headers), body: '{}', credentials: 'omit',
      });
    } catch (failure) {
      failure.unreachable = true;
      throw failure;
    }
    if (!response.ok) {
      var refused = new Error('the chat server answered ' + response.status);
      refused.unreachable = response.status >= 502 && response.status <= 504;
      throw refused;
    }
    return response.json();
  }

  /** A new conversation: from the bot's own endpoints, or a Direct Line token exchanged by the bot. */
  async function create(config) {
    var base = { mode: config.mode, started: false, welcomed: false, transcript: [] };
    if (config.mode === 'directline') {
      var issued = await postJson(config.endpoints.directLineToken);
      return Object.assign(base, {
        conversationId: issued.conversationId, token: issued.token,
        expiresAt: Math.floor(Date.now() / 1000) + issued.expires_in,
      });
    }
    var local = await postJson(config.endpoints.conversations);
    return Object.assign(base, {
      conversationId: local.conversationId, userId: local.userId, token: local.token, expiresAt: local.expiresAt,
    });
  }

  /**
   * With the bot's own endpoints, its welcome is asked for without waiting for Web Chat: the join
   * event posted directly, the replies kept as the transcript, so Web Chat shows them the moment it
   * connects, as after a reload. If this fails, Web Chat sends the join itself.
   */
  async function welcomeAhead(session, config) {
    if (config.mode !== 'local') return;
    try {
      var response = await window.fetch(config.endpoints.conversations + '/' + encodeURIComponent(session.conversationId) + '/activities', {
        method: 'POST',
        headers: { Authorization: 'Bearer ' + session.token, 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'event', name: 'webchat/join', value: {} }),
        credentials: 'omit',
      });
      if (!response.ok) return;
      (await response.json()).activities.forEach(function (activity) { remember(session, activity); });
    } catch (error) {
      // Left to Web Chat.
    }
  }

  /**
   * The conversation the page opens with, started while Web Chat's bundle is still on its way: the
   * kept one if still usable, else a new one, welcomed ahead.
   */
  async function open(config) {
    var saved = await load();
    if (isUsable(saved, config.mode)) return saved;
    clear();
    var session = await create(config);
    save(session);
    await welcomeAhead(session, config);
    return session;
  }

  function remember(session, activity) {
    // Messages only; notices made up by the page itself (rate limiting) are not part of the conversation.
    if (activity.type !== 'message' || (activity.channelData && activity.channelData.local)) return;
    if (activity.from && activity.from.role === 'bot') session.welcomed = true;
    // "Forget me": the bot deleted its copy, so the tab keeps only the confirmation.
    var forgotten = activity.channelData && activity.channelData.conversationForgotten;
    var transcript = forgotten ? [] : (session.transcript || []).filter(function (kept) { return kept.id !== activity.id; });
    transcript.push(activity);
    session.transcript = transcript.slice(-MAX_MESSAGES);
    save(session);
  }

  window.SciaticaChat = window.SciaticaChat || {};
  window.SciaticaChat.chatSession = { load: load, save: save, clear: clear, isUsable: isUsable, remember: remember, create: create, open: open };
})();
