/*
 * Starts the chat page: reads the inlined configuration, picks the connection (the bot's own
 * endpoints with `npm start`, or Azure Direct Line with a server-issued token), renders Web Chat,
 * asks the bot for its welcome until it has arrived (a reload may lose it on the way), keeps the
 * conversation across reloads, and wires the "New conversation" button.
 */
(function () {
  'use strict';

  var Chat = window.SciaticaChat;
  var config = JSON.parse(document.getElementById('webchat-config').textContent);
  var main = document.getElementById('webchat');
  var statusLine = document.getElementById('chat-status');
  var current = null;

  function announce(text, visible) {
    statusLine.textContent = text;
    statusLine.classList.toggle('visually-hidden', !visible);
  }

  async function postJson(url) {
    var response = await window.fetch(url, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}', credentials: 'omit',
    });
    if (!response.ok) throw new Error('the chat server answered ' + response.status);
    return response.json();
  }

  async function newSession() {
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

  function createDirectLine(session) {
    if (session.mode === 'directline') {
      // After a reload, reconnect to the same conversation; history comes from our own copy.
      return window.WebChat.createDirectLine({
        token: session.token, domain: config.directLineDomain,
        conversationId: session.started ? session.conversationId : undefined,
      });
    }
    return Chat.createLocalDirectLine({ session: session, endpoint: config.endpoints.conversations, botName: config.practiceName });
  }

  /** Web Chat store middleware: the join event, saving what arrives, and replaying it after a reload. */
  function createStore(session) {
    var replayed = false;
    return window.WebChat.createStore({}, function (store) {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') Chat.chatSession.remember(session, action.payload.activity);
          var result = next(action);
          if (action.type !== 'DIRECT_LINE/CONNECT_FULFILLED' || replayed) return result;
          replayed = true;
          session.started = true;
          Chat.chatSession.save(session);
          // After Web Chat's own sagas have started, so suggested actions come back too.
          var saved = session.transcript.slice();
          setTimeout(function () {
            saved.forEach(function (activity) {
              store.dispatch({ type: 'DIRECT_LINE/INCOMING_ACTIVITY', payload: { activity: activity } });
            });
          }, 0);
          // The bot answers this event with its welcome, and repeats it until the patient has written.
          if (!session.welcomed) store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: {} } });
          return result;
        };
      };
    });
  }

  async function start(fresh) {
    if (current) current.end();
    current = null;
    announce(fresh ? 'Starting a new conversation…' : 'Loading the chat…', true);
    var saved = fresh ? null : Chat.chatSession.load();
    var session = Chat.chatSession.isUsable(saved, config.mode) ? saved : null;
    if (!session) {
      Chat.chatSession.clear();
      try {
        session = await newSession();
      } catch (error) {
        announce('Sorry, the chat could not start. Please reload the page to try again.', true);
        return;
      }
      Chat.chatSession.save(session);
    }
    // A fresh element each time: the previous Web Chat (and its store) is left behind with it.
    var host = document.createElement('div');
    host.className = 'chat-host';
    host.id = 'webchat-host';
    document.getElementById('webchat-host').replaceWith(host);
    current = createDirectLine(session);
    window.WebChat.renderWebChat({
      directLine: current,
      store: createStore(session),
      userID: session.userId,
      username: 'You',
      locale: 'en-US',
      styleOptions: config.styleOptions,
      nonce: config.styleNonce,
    }, host);
    announce(fresh ? 'New conversation started.' : '', false);
  }

  function focusSendBox() {
    var input = document.querySelector('[data-id="webchat-sendbox-input"]');
    if (input) input.focus();
  }

  document.getElementById('new-conversation').addEventListener('click', function () {
    Chat.chatSession.clear();
    start(true).then(function () { setTimeout(focusSendBox, 100); });
  });
  // Inside the embed widget's iframe, Escape closes the panel (the widget listens for this).
  if (window.parent !== window) {
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') window.parent.postMessage({ type: 'sciatica-chat/close' }, '*');
    });
  }
  start(false);
})();
