/*
 * Starts the chat page: reads the inlined configuration, picks the connection (the bot's own
 * endpoints with `npm start`, or Azure Direct Line with a server-issued token), renders Web Chat,
 * asks the bot for its welcome until it has arrived (a reload may lose it on the way), keeps the
 * conversation across reloads, wires the "New conversation" button, shows safety advice as an alert,
 * starts a new conversation by itself when the bot refuses this one's token (it restarted with
 * another key), and shows the practice's numbers when the bot cannot be reached at all.
 */
(function () {
  'use strict';

  var Chat = window.SciaticaChat;
  var config = JSON.parse(document.getElementById('webchat-config').textContent);
  var statusLine = document.getElementById('chat-status');
  var offline = document.getElementById('chat-offline');
  var RESTARTED = 'The chat was restarted, so this is a new conversation.';
  var RESENT = ' Your last message has been sent again.';
  var current = null;
  // New conversations started because a token was refused, since the bot last accepted a message.
  var recoveries = 0;

  function announce(text, visible) {
    statusLine.textContent = text;
    statusLine.classList.toggle('visually-hidden', !visible);
  }

  function showOffline(shown) {
    offline.hidden = !shown;
  }

  function createDirectLine(session) {
    if (session.mode === 'directline') {
      // After a reload, reconnect to the same conversation; history comes from our own copy.
      return window.WebChat.createDirectLine({
        token: session.token, domain: config.directLineDomain,
        conversationId: session.started ? session.conversationId : undefined,
      });
    }
    return Chat.createLocalDirectLine({
      session: session, endpoint: config.endpoints.conversations, botName: config.practiceName,
      onReachable: function (reached) {
        showOffline(!reached);
        if (reached) recoveries = 0;
      },
      onTokenRefused: recover,
    });
  }

  /** The bot no longer accepts this conversation's token: start a new one and send the patient's message again, once. */
  function recover(refused) {
    if (recoveries > 0) {
      showOffline(true);
      return;
    }
    recoveries += 1;
    var message = refused.type === 'message' && (refused.text || refused.value) ? refused : null;
    start(true, { notice: RESTARTED + (message ? RESENT : ''), message: message });
  }

  function localNotice(text) {
    return {
      type: 'message', id: 'local-' + Date.now(), timestamp: new Date().toISOString(), text: text,
      from: { id: 'sciatica-bot', name: config.practiceName, role: 'bot' }, channelData: { local: true },
    };
  }

  /**
   * The waiting chat (chatShell.js) gives way to Web Chat once it shows the welcome: what the patient
   * typed meanwhile is sent, in order, after the welcome (the bot welcomes only before the patient
   * has written), and a half-typed message and the focus move to Web Chat's send box.
   */
  function takeOverFromShell(store) {
    if (!Chat.shell || !Chat.shell.active()) return;
    var held = Chat.shell.handOver();
    document.getElementById('webchat-host').hidden = false;
    held.queued.forEach(function (text) {
      store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: text } });
    });
    if (held.draft) store.dispatch({ type: 'WEB_CHAT/SET_SEND_BOX', payload: { text: held.draft } });
    if (held.focused) setTimeout(focusSendBox, 0);
  }

  function resend(store, message) {
    if (message.value !== undefined) {
      store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE_BACK', payload: { text: message.text, value: message.value, displayText: message.text } });
    } else {
      store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: message.text } });
    }
  }

  function isFromBot(activity) {
    return activity.type === 'message' && !!activity.from && activity.from.role === 'bot';
  }

  /**
   * Web Chat store middleware: the join event, saving what arrives, and replaying it after a reload.
   * `recovery` ({ notice, message }): the page started over by itself; the notice, then the message again.
   */
  function createStore(session, recovery) {
    var replayed = false;
    return window.WebChat.createStore({}, function (store) {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') Chat.chatSession.remember(session, action.payload.activity);
          var result = next(action);
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && isFromBot(action.payload.activity)) takeOverFromShell(store);
          if (action.type !== 'DIRECT_LINE/CONNECT_FULFILLED' || replayed) return result;
          replayed = true;
          session.started = true;
          Chat.chatSession.save(session);
          // After Web Chat's own sagas have started. Queued like activities from the connection, so
          // Web Chat restores the last reply's suggested actions; without replyToId, which may name
          // an event that was never kept (Web Chat would wait 5 s for each such reply).
          var saved = session.transcript.slice();
          setTimeout(function () {
            saved.forEach(function (activity) {
              var replay = Object.assign({}, activity);
              delete replay.replyToId;
              store.dispatch({ type: 'DIRECT_LINE/QUEUE_INCOMING_ACTIVITY', payload: { activity: replay } });
            });
            // After a reload the transcript is the welcome: nothing more to wait for.
            if (session.welcomed) takeOverFromShell(store);
            if (!recovery) return;
            store.dispatch({ type: 'DIRECT_LINE/INCOMING_ACTIVITY', payload: { activity: localNotice(recovery.notice) } });
            if (recovery.message) resend(store, recovery.message);
          }, 0);
          // The bot answers this event with its welcome, and repeats it until the patient has written.
          if (!session.welcomed) store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: {} } });
          return result;
        };
      };
    });
  }

  /**
   * Web Chat activity middleware: safety advice (marked by the bot) in a role="alert" region with its
   * own styling. Web Chat bundles React without exposing it, so the wrapper is a plain React element
   * of the same kind ($$typeof) as the one Web Chat rendered; the browser test covers it on upgrades.
   */
  function safetyAlerts() {
    return function (next) {
      return function () {
        var card = arguments[0];
        var render = next.apply(null, arguments);
        var data = card && card.activity && card.activity.channelData;
        if (!render || !(data && data.safetyAlert)) return render;
        return function () {
          var inner = render.apply(null, arguments);
          if (!inner) return inner;
          return { $$typeof: inner.$$typeof, type: 'div', key: null, ref: null, _owner: null, props: { role: 'alert', className: 'chat-alert', children: inner } };
        };
      };
    };
  }

  async function start(fresh, recovery) {
    if (current) current.end();
    current = null;
    announce(fresh ? 'Starting a new conversation…' : 'Loading the chat…', true);
    var session;
    try {
      if (fresh) {
        Chat.chatSession.clear();
        session = await Chat.chatSession.create(config);
        // Mid-conversation the patient's own message goes first, not a welcome.
        if (recovery && recovery.message) session.welcomed = true;
        Chat.chatSession.save(session);
      } else {
        // Opened by chatShell.js while the bundle was loading.
        session = await Chat.opening;
      }
      showOffline(false);
    } catch (error) {
      showOffline(!!error.unreachable);
      announce('Sorry, the chat could not start. Please reload the page to try again.', true);
      return;
    }
    // A fresh element each time: the previous Web Chat (and its store) is left behind with it.
    var host = document.createElement('div');
    host.className = 'chat-host';
    host.id = 'webchat-host';
    // Behind the waiting chat until Web Chat shows the welcome.
    host.hidden = !!(Chat.shell && Chat.shell.active());
    document.getElementById('webchat-host').replaceWith(host);
    current = createDirectLine(session);
    window.WebChat.renderWebChat({
      directLine: current,
      store: createStore(session, recovery),
      activityMiddleware: safetyAlerts,
      userID: session.userId,
      username: 'You',
      locale: 'en-US',
      styleOptions: config.styleOptions,
      nonce: config.styleNonce,
    }, host);
    announce(recovery ? recovery.notice : fresh ? 'New conversation started.' : '', false);
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
