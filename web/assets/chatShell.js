/*
 * The chat before Web Chat: the server puts the bot's welcome (with the emergency number) and a
 * text box in the page, so a patient can read and type at once, while Web Chat's bundle (about
 * 640 KB compressed) may take seconds on a phone network. Messages typed meanwhile are shown and
 * queued; chat.js sends them through Web Chat, in order, once the bot's welcome is in, and takes
 * over the half-typed text and the focus.
 */
(function () {
  'use strict';

  var shell = document.getElementById('chat-shell');
  var form = document.getElementById('chat-shell-form');
  var input = document.getElementById('chat-shell-input');
  var transcript = document.getElementById('chat-shell-transcript');
  var note = document.getElementById('chat-shell-note');
  var queued = [];

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    queued.push(text);
    var bubble = document.createElement('p');
    bubble.className = 'chat-shell__bubble chat-shell__bubble--patient';
    bubble.textContent = text;
    transcript.insertBefore(bubble, note);
    note.hidden = false;
    input.value = '';
  });

  window.SciaticaChat = window.SciaticaChat || {};
  window.SciaticaChat.shell = {
    active: function () { return !shell.hidden; },
    /** Removes the shell; what it holds for Web Chat: the queued messages, the draft, and whether the box had focus. */
    handOver: function () {
      var held = { queued: queued, draft: input.value, focused: document.activeElement === input };
      queued = [];
      shell.hidden = true;
      return held;
    },
  };
})();
