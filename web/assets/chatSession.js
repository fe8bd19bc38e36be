/*
 * The conversation kept in this browser tab (sessionStorage: it survives reloads and navigation
 * within the tab, and is gone when the tab closes). Holds the conversation id and token, whether
 * the conversation was started and the bot's welcome has arrived, and the messages to replay into
 * Web Chat after a reload.
 */
(function () {
  'use strict';

  var KEY = 'sciatica-chat/v1';
  // Enough for a long conversation; older messages drop off first.
  var MAX_MESSAGES = 200;

  function load() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(KEY) || 'null');
      return saved && typeof saved.conversationId === 'string' ? saved : null;
    } catch (error) {
      return null;
    }
  }

  function save(session) {
    try {
      window.sessionStorage.setItem(KEY, JSON.stringify(session));
    } catch (error) {
      // Storage full or disabled (private mode): the chat still works, it just won't survive a reload.
    }
  }

  function clear() {
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
  window.SciaticaChat.chatSession = { load: load, save: save, clear: clear, isUsable: isUsable, remember: remember };
})();
