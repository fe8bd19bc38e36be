/*
 * The chat before Web Chat: the server puts the bot's welcome (with the emergency number) and a
 * text box in the page, so a patient can read and type at once, while Web Chat's bundle (about
 * 304 KB compressed) may take seconds on a phone network. Messages typed meanwhile are shown and
 * queued; chat.js sends them through Web Chat, in order, once the bot's welcome is in, and takes
 * over the half-typed text and the focus. The conversation is opened from here too (chatSession.open),
 * so it does not wait for the bundle either.
 */
(function () {
  'use strict';

  // This runs in the page's head, before the elements exist, so no Enter is ever missed: the
  // handler listens on the document, and the elements are looked up when needed.
  var byId = document.getElementById.bind(document);
  var queued = [];

  document.addEventListener('submit', function (event) {
    if (event.target.id !== 'chat-shell-form') return;
    event.preventDefault();
    var input = byId('chat-shell-input');
    var text = input.value.trim();
    if (!text) return;
    queued.push(text);
    var bubble = document.createElement('p');
    bubble.className = 'chat-shell__bubble chat-shell__bubble--patient';
    bubble.textContent = text;
    byId('chat-shell-transcript').insertBefore(bubble, byId('chat-shell-note'));
    byId('chat-shell-note').hidden = false;
    input.value = '';
  });

  /**
   * Web Chat's bundle (preloaded by the page), then the scripts that drive it, in this order. Run
   * after the page's first paint: run earlier, its second or more of work would keep this chat off
   * the screen. In the widget's panel, loaded ahead of a click, the page is rendered out of sight,
   * so there too the welcome is painted before the bundle runs and is on screen the moment the panel
   * opens (in a browser that does not render it out of sight, the bundle waits for the opening).
   */
  function addWebChat() {
    [config.module].concat(config.scripts).forEach(function (src) {
      var script = document.createElement('script');
      // Not async: in order, the module too.
      if (src === config.module) script.type = 'module';
      script.src = src;
      script.async = false;
      document.head.appendChild(script);
    });
  }

  var config = JSON.parse(document.getElementById('webchat-config').textContent);
  window.SciaticaChat = window.SciaticaChat || {};
  // The conversation and the bot's welcome are fetched now, beside the bundle; chat.js waits for them.
  window.SciaticaChat.opening = window.SciaticaChat.chatSession.open(config);
  window.requestAnimationFrame(function () { setTimeout(addWebChat, 0); });
  window.SciaticaChat.shell = {
    active: function () { return !byId('chat-shell').hidden; },
    /** Removes the shell; what it holds for Web Chat: the queued messages, the draft, and whether the box had focus. */
    handOver: function () {
      var input = byId('chat-shell-input');
      var held = { queued: queued, draft: input.value, focused: document.activeElement === input };
      queued = [];
      byId('chat-shell').hidden = true;
      return held;
    },
  };
})();
