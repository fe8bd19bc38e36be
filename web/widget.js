/*
 * The chat launcher for the practice's own website, added with one line:
 *   <script src="https://YOUR-BOT-HOST/widget.js" async></script>
 * A floating button opens the chat page (served by the bot) in an iframe, so the host site needs no
 * other code and Web Chat's 2 MB bundle loads only when a visitor opens the chat. Styles are set
 * through element.style (CSSOM), which host pages' CSPs allow, rather than an injected <style>.
 * The browser may refuse the chat's frame any storage on another site, so the conversation is kept
 * here, in this site's sessionStorage, for the frame (postMessage, checked by origin and window both
 * ways): it survives the visitor's moves between the site's pages, and so does the panel's open state.
 * A frame the bot's frame policy refuses never says hello: the panel then offers a new tab instead.
 * When the pointer rests on the button or it gets focus, the panel is built out of sight, so the chat
 * page and Web Chat's bundle load before the click; the widget holds the page's request for the
 * conversation until the panel opens, so a visitor who never opens it starts no conversation.
 * Out of sight is all but transparent (1% opaque) and inert, not display: none: a frame that is not
 * displayed paints nothing, so a click landing while Web Chat's bundle runs (a second or more of the
 * frame's thread) opened an empty panel until it had run; rendered, the frame has painted the welcome
 * first. Not fully transparent: Chromium does not draw a frame at opacity 0, so its paint was only
 * presented when the panel opened (or, by chance, when a long task of the bundle ended).
 */
(function () {
  'use strict';
  if (window.__sciaticaChatWidget) return;
  window.__sciaticaChatWidget = true;

  var config = {{widgetConfig}};
  var script = document.currentScript || document.querySelector('script[src$="/widget.js"]');
  var botOrigin = new URL(script.src, window.location.href).origin;
  var label = 'Chat with ' + config.practiceName;
  var small = window.matchMedia('(max-width: 480px)');
  var STATE_KEY = 'sciatica-chat/v1';
  var PANEL_KEY = 'sciatica-chat/panel';
  // After the frame has loaded, how long its hello may still be on its way (it is sent before load).
  var HELLO_GRACE_MS = 2000;
  // Too faint to see over any page, yet drawn, so the chat's welcome is on screen the moment it opens.
  var HIDDEN_OPACITY = '0.01';
  var panel, frame, refusedNotice;
  var frameSaidHello = false;
  // The chat page asked for the conversation while the panel was still closed (loaded ahead of a click).
  var stateRequested = false;

  function stored(key) {
    try { return window.sessionStorage.getItem(key); } catch (error) { return null; }
  }

  function store(key, value) {
    try {
      if (value === null) window.sessionStorage.removeItem(key); else window.sessionStorage.setItem(key, value);
    } catch (error) {
      // Storage disabled: the chat still works, it just starts afresh on the next page.
    }
  }

  function el(tag, attributes, style) {
    var node = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    Object.assign(node.style, style);
    return node;
  }

  var launcher = el('button', { type: 'button', 'aria-label': label, 'aria-expanded': 'false', 'aria-controls': 'sciatica-chat-panel' }, {
    position: 'fixed', right: '20px', bottom: '20px', width: '60px', height: '60px', borderRadius: '50%',
    border: '2px solid ' + config.brandText, background: config.brand, color: config.brandText, cursor: 'pointer',
    boxShadow: '0 4px 12px rgba(0,0,0,0.3)', zIndex: '2147483000', display: 'flex', alignItems: 'center', justifyContent: 'center',
  });
  launcher.appendChild(chatIcon());

  // Built as DOM nodes, not innerHTML, so host pages that enforce Trusted Types still work.
  function chatIcon() {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    var path = document.createElementNS(ns, 'path');
    [['aria-hidden', 'true'], ['focusable', 'false'], ['width', '28'], ['height', '28'], ['viewBox', '0 0 24 24']]
      .forEach(function (pair) { svg.setAttribute(pair[0], pair[1]); });
    path.setAttribute('fill', 'currentColor');
    path.setAttribute('d', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z');
    svg.appendChild(path);
    return svg;
  }

  function layout() {
    Object.assign(panel.style, small.matches
      ? { right: '0', bottom: '0', width: '100vw', height: '100%', borderRadius: '0' }
      : { right: '20px', bottom: '92px', width: '380px', height: 'min(640px, calc(100vh - 112px))', borderRadius: '12px' });
  }

  function buildPanel() {
    panel = el('div', { id: 'sciatica-chat-panel', role: 'dialog', 'aria-label': label }, {
      position: 'fixed', zIndex: '2147483001', background: '#ffffff', overflow: 'hidden',
      boxShadow: '0 8px 28px rgba(0,0,0,0.35)', display: 'flex', flexDirection: 'column',
    });
    var close = el('button', { type: 'button', 'aria-label': 'Close chat' }, {
      alignSelf: 'flex-end', minWidth: '44px', minHeight: '44px', margin: '0', border: '0',
      background: config.brand, color: config.brandText, fontSize: '24px', lineHeight: '1', cursor: 'pointer', width: '100%', textAlign: 'right', padding: '0 14px',
    });
    close.textContent = '\u00d7';
    close.addEventListener('click', function () { toggle(false); });
    frame = el('iframe', { title: label, src: botOrigin + '/?embed=' + encodeURIComponent(window.location.origin) }, { flex: '1', width: '100%', border: '0' });
    frame.addEventListener('load', function () {
      if (isStillBlank()) return;
      setTimeout(function () { if (!frameSaidHello) showRefused(); }, HELLO_GRACE_MS);
    });
    panel.appendChild(close);
    panel.appendChild(frame);
    panel.appendChild(buildRefusedNotice());
    panel.addEventListener('keydown', function (event) { if (event.key === 'Escape') toggle(false); });
    show(false);
    document.body.appendChild(panel);
    layout();
    small.addEventListener('change', layout);
  }

  /** Shown instead of the frame when the bot does not allow this site to frame the chat (FRAME_ANCESTORS). */
  function buildRefusedNotice() {
    refusedNotice = el('div', { role: 'alert' }, { display: 'none', padding: '20px', color: '#1b1b1b', font: '16px/1.5 system-ui, sans-serif' });
    var text = el('p', {}, { margin: '0 0 16px' });
    text.textContent = 'The chat cannot open inside this page.';
    var link = el('a', { href: botOrigin + '/', target: '_blank', rel: 'noopener' }, { color: '#0b3954', fontWeight: '700' });
    link.textContent = 'Open the chat in a new tab';
    refusedNotice.appendChild(text);
    refusedNotice.appendChild(link);
    return refusedNotice;
  }

  /** The frame's initial empty document is ours to read; the chat page and a refusal page are not. */
  function isStillBlank() {
    try {
      return frame.contentWindow.location.href === 'about:blank';
    } catch (error) {
      return false;
    }
  }

  function showRefused(refused) {
    frame.style.display = refused === false ? '' : 'none';
    refusedNotice.style.display = refused === false ? 'none' : 'block';
  }

  function sendState() {
    stateRequested = false;
    frame.contentWindow.postMessage({ type: 'sciatica-chat/state', value: stored(STATE_KEY) }, botOrigin);
  }

  /** Closed, the panel stays rendered (see the header) but cannot be seen, clicked, focused or read out. */
  function show(open) {
    panel.inert = !open;
    Object.assign(panel.style, open ? { opacity: '1', pointerEvents: 'auto' } : { opacity: HIDDEN_OPACITY, pointerEvents: 'none' });
  }

  function isOpen() {
    return launcher.getAttribute('aria-expanded') === 'true';
  }

  function toggle(open, moveFocus) {
    if (open && !panel) buildPanel();
    if (!panel) return;
    if (open && stateRequested) sendState();
    show(open);
    launcher.setAttribute('aria-expanded', String(open));
    launcher.style.display = open && small.matches ? 'none' : 'flex';
    store(PANEL_KEY, open ? 'open' : null);
    if (moveFocus === false) return;
    if (open) frame.focus(); else launcher.focus();
  }

  launcher.addEventListener('click', function () { toggle(!isOpen()); });
  // Intent to open: load the chat now, hidden, so the click only has to show it.
  function preload() { if (!panel) buildPanel(); }
  launcher.addEventListener('pointerenter', preload);
  launcher.addEventListener('focus', preload);
  // Messages from the chat page in our frame, and from nothing else.
  window.addEventListener('message', function (event) {
    if (!frame || event.source !== frame.contentWindow || event.origin !== botOrigin || !event.data) return;
    var message = event.data;
    if (message.type === 'sciatica-chat/load') {
      frameSaidHello = true;
      showRefused(false);
      stateRequested = true;
      if (isOpen()) sendState(); else frame.contentWindow.postMessage({ type: 'sciatica-chat/hold' }, botOrigin);
    } else if (message.type === 'sciatica-chat/save' && typeof message.value === 'string') {
      store(STATE_KEY, message.value);
    } else if (message.type === 'sciatica-chat/clear') {
      store(STATE_KEY, null);
    } else if (message.type === 'sciatica-chat/close') {
      // Escape pressed inside the chat page.
      toggle(false);
    }
  });

  function mount() {
    document.body.appendChild(launcher);
    // Open on this page if the visitor left it open on the last one.
    if (stored(PANEL_KEY) === 'open') toggle(true, false);
  }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
