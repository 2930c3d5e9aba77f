// press serve: reloads the page after each rebuild and shows build errors over it.
// Served only by the dev server, at /_press/live.js; never part of the baked site.
(function () {
  'use strict';
  var build = null;
  var overlay = null;

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function el(tag, style, text) {
    var e = document.createElement(tag);
    if (style) e.setAttribute('style', style);
    if (text != null) e.textContent = text;
    return e;
  }

  function show(errors) {
    hide();
    overlay = el('div', 'position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(18,18,18,.97);' +
      'color:#f5f5f5;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:24px');
    overlay.id = 'press-error-overlay';
    overlay.setAttribute('role', 'alertdialog');
    overlay.setAttribute('aria-labelledby', 'press-error-title');
    var title = el('h2', 'font:700 18px/1.3 system-ui,sans-serif;margin:0 0 4px;color:#ff8a80',
      errors.length === 1 ? 'press: 1 error' : 'press: ' + errors.length + ' errors');
    title.id = 'press-error-title';
    overlay.appendChild(title);
    overlay.appendChild(el('p', 'margin:0 0 16px;font-family:system-ui,sans-serif;color:#ccc',
      'The page below is the last good build. Fix the file and save: this goes away by itself.'));
    errors.forEach(function (d) {
      var box = el('div', 'border-left:4px solid #ff8a80;background:#2b2b2b;padding:10px 14px;margin:0 0 12px');
      box.className = 'press-error';
      box.appendChild(el('div', 'color:#ffcc80;font-weight:700', d.location));
      box.appendChild(el('div', '', d.severity + ': ' + d.message));
      if (d.sourceLine) box.appendChild(el('pre', 'margin:6px 0;padding:4px 8px;border:0;border-radius:0;background:#1b1b1b;color:#ddd;font:inherit;white-space:pre-wrap', d.sourceLine));
      if (d.hint) box.appendChild(el('div', 'color:#a5d6a7', 'hint: ' + d.hint));
      overlay.appendChild(box);
    });
    var close = el('button', 'position:absolute;top:16px;right:16px;font:14px system-ui,sans-serif;padding:6px 12px',
      'Hide (Esc)');
    close.type = 'button';
    close.addEventListener('click', hide);
    overlay.appendChild(close);
    document.addEventListener('keydown', function onKey(e) {
      if (e.key === 'Escape') { hide(); document.removeEventListener('keydown', onKey); }
    });
    document.body.appendChild(overlay);
    close.focus();
  }

  function state(e) {
    var s = JSON.parse(e.data);
    if (build !== null && s.build !== build) {
      location.reload();
      return;
    }
    build = s.build;
    if (s.errors.length) show(s.errors); else hide();
  }

  var events = new EventSource('/_press/events');
  events.addEventListener('state', state);
})();
