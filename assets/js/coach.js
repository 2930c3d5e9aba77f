/* The reply coach page (/coach/): scores the subject and email as the reader types, with
   ReplyScore (reply-score.js), and shows the figures and what to change in a polite live
   region. A link from an email template fills the fields (?subject=…&body=…). */
(function () {
  'use strict';
  var form = document.getElementById('coach');
  if (!form || !window.ReplyScore) return;
  var subject = document.getElementById('coach-subject');
  var body = document.getElementById('coach-body');
  var result = document.getElementById('coach-result');
  var timer = null;

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = text;
    return e;
  }

  function figure(list, label, value, ok, aim) {
    var row = el('div');
    row.appendChild(el('dt', null, label));
    var dd = el('dd', null, value + ' ');
    if (ok !== null) {
      var mark = el('span', ok ? 'is-ok' : 'is-off', ok ? '✓' : '✗');
      mark.setAttribute('aria-hidden', 'true');
      dd.appendChild(mark);
      dd.appendChild(el('span', 'visually-hidden', ok ? ' (on target)' : ' (off target)'));
    }
    if (aim) dd.appendChild(el('span', 'reply-score__aim', aim));
    row.appendChild(dd);
    list.appendChild(row);
  }

  function render() {
    var s = ReplyScore.score(subject.value, body.value);
    result.textContent = '';
    if (s.words === 0 && subject.value.trim() === '') {
      result.appendChild(el('p', null, 'Start typing: the figures appear here.'));
      return;
    }
    var list = el('dl', 'reply-score__figures');
    figure(list, 'Words', s.words, s.words >= 50 && s.words <= 125, 'aim 50–125');
    figure(list, 'Reading level', ReplyScore.level(s.grade), s.grade <= 6, 'grade ' + ReplyScore.format(s.grade) + ', aim 6 or lower');
    figure(list, 'Questions', s.questions, s.questions >= 1 && s.questions <= 3, 'aim 1–3');
    figure(list, 'Subject words', s.subjectWords, s.subjectWords >= 3 && s.subjectWords <= 6, 'aim 3–6');
    figure(list, 'Ends with an ask', s.endsWithAsk ? 'yes' : 'no', null, null);
    figure(list, 'Sentences', s.sentences, null, null);
    result.appendChild(list);
    if (s.suggestions.length === 0) {
      result.appendChild(el('p', 'coach__ready', 'Ready to send: nothing to change.'));
    } else {
      result.appendChild(el('h3', null, 'What to change'));
      var ul = el('ul', 'coach__suggestions');
      s.suggestions.forEach(function (t) { ul.appendChild(el('li', null, t)); });
      result.appendChild(ul);
    }
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(render, 150);
  }

  var params = new URLSearchParams(location.search);
  if (params.has('subject')) subject.value = params.get('subject');
  if (params.has('body')) body.value = params.get('body').replace(/\r\n/g, '\n');
  form.addEventListener('submit', function (e) { e.preventDefault(); render(); });
  subject.addEventListener('input', later);
  body.addEventListener('input', later);
  if (subject.value || body.value) render();
})();
