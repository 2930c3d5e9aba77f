/* Callback Press search: results as you type, from /search/index.json (written at bake time by
   templates/search-index.ftl). The header's box shows the first few results under it; the search
   page (/search/?q=...) shows them all. Without this script both forms still send the reader to
   the search page, which then points to the lists of articles, templates and tips.

   The index holds the stems of each page's text, made by press's SearchTerms (Java). words(),
   stem() and terms() below apply the same rules to what the reader types: change both together
   (the browser tests compare the two). */
(function () {
  'use strict';

  var STOP_WORDS = new Set(('a about after all also am an and any are as at be been before but by ' +
    'can could did do does for from had has have he her here him his how i if in into is it its ' +
    'just me more most my no not of on one or our out over she so some than that the their them ' +
    'then there these they this those to too up us very was we were what when which who will ' +
    'with would you your').split(' '));

  function words(text) {
    return text.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '').replace(/['\u2019]/g, '')
      .split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w !== ''; });
  }

  function undouble(w) {
    var n = w.length;
    return n >= 4 && w[n - 1] === w[n - 2] && 'bdfgkmnprt'.indexOf(w[n - 1]) >= 0 ? w.slice(0, -1) : w;
  }

  function stem(word) {
    var w = word;
    if (w.length <= 3) return w;
    if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
    else if (w.endsWith('sses')) w = w.slice(0, -2);
    else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
    if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
    else if (w.endsWith('ing') && w.length >= 6) w = undouble(w.slice(0, -3));
    else if (w.endsWith('ed') && w.length >= 5) w = undouble(w.slice(0, -2));
    else if (w.endsWith('ly') && w.length >= 6) w = w.slice(0, -2);
    if (w.endsWith('e') && w.length >= 5) w = w.slice(0, -1);
    return w;
  }

  /* The distinct stems of a text, in order, without common words: as SearchTerms.of. */
  function terms(text) {
    var out = [];
    words(text).forEach(function (w) {
      if (w.length > 1 && !STOP_WORDS.has(w)) {
        var s = stem(w);
        if (out.indexOf(s) < 0) out.push(s);
      }
    });
    return out;
  }

  var index = null;

  function loadIndex() {
    if (!index) {
      index = fetch('/search/index.json')
        .then(function (response) {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.json();
        })
        .then(function (data) {
          return data.docs.map(function (doc) {
            return {
              doc: doc,
              title: terms(doc.title),
              tags: terms(doc.tags.join(' ')),
              summary: terms(doc.summary),
              body: doc.terms.split(' ')
            };
          });
        });
      index.catch(function () { index = null; });
    }
    return index;
  }

  /* How well one stem of the query matches a field: 1 the same stem, 0.5 a longer one (the
     reader is still typing), 0.25 a shorter one of four letters or more ("callback", "call"). */
  function fieldScore(stems, q) {
    var best = 0;
    for (var i = 0; i < stems.length && best < 1; i++) {
      var t = stems[i];
      if (t === q) best = 1;
      else if (t.startsWith(q)) best = Math.max(best, 0.5);
      else if (t.length >= 4 && q.startsWith(t)) best = Math.max(best, 0.25);
    }
    return best;
  }

  /* Every stem of the query must match somewhere; the title counts most, then tags, summary, text. */
  function search(entries, query) {
    var stems = terms(query);
    if (stems.length === 0) return [];
    var hits = [];
    entries.forEach(function (e, order) {
      var total = 0;
      for (var i = 0; i < stems.length; i++) {
        var q = stems[i];
        var s = Math.max(10 * fieldScore(e.title, q), 6 * fieldScore(e.tags, q),
          3 * fieldScore(e.summary, q), fieldScore(e.body, q));
        if (s === 0) return;
        total += s;
      }
      hits.push({ doc: e.doc, score: total, order: order });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return hits.map(function (h) { return h.doc; });
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function count(n, query) {
    return (n === 0 ? 'No results' : n === 1 ? '1 result' : n + ' results') + ' for “' + query.trim() + '”';
  }

  var UNAVAILABLE = 'Search is not available right now: the index could not be loaded.';

  /* The search page: every result, and the address follows the query (?q=). */
  function searchPage(input) {
    var status = document.getElementById('search-status');
    var list = document.getElementById('search-results');
    var run = function () {
      var query = input.value;
      var url = new URL(location.href);
      if (query.trim()) url.searchParams.set('q', query); else url.searchParams.delete('q');
      history.replaceState(null, '', url);
      if (!query.trim()) {
        list.replaceChildren();
        status.textContent = '';
        return;
      }
      loadIndex().then(function (entries) {
        if (input.value !== query) return;
        var found = search(entries, query);
        status.textContent = count(found.length, query);
        list.replaceChildren.apply(list, found.slice(0, 50).map(function (doc) {
          var item = element('li', 'card');
          var heading = element('h2', 'card__title');
          var link = element('a', '', doc.title);
          link.href = doc.url;
          heading.appendChild(link);
          item.append(heading, element('p', 'meta', doc.kind), element('p', 'card__summary', doc.summary));
          return item;
        }));
      }, function () { status.textContent = UNAVAILABLE; });
    };
    input.addEventListener('input', run);
    input.form.addEventListener('submit', function (event) { event.preventDefault(); run(); });
    var q = new URLSearchParams(location.search).get('q');
    if (q) {
      input.value = q;
      run();
    }
  }

  /* The header's box: the first results in a panel under it; Enter opens the search page. */
  function suggest(input) {
    var form = input.form;
    var panel = element('div', 'search-suggest');
    panel.id = 'site-search-suggest';
    panel.hidden = true;
    var status = element('p', 'visually-hidden');
    status.setAttribute('role', 'status');
    form.append(status, panel);
    input.setAttribute('aria-controls', panel.id);

    var dismissed = false; /* Escape closed the panel: focusing the box again keeps it closed */
    var close = function () { panel.hidden = true; };
    var links = function () { return Array.prototype.slice.call(panel.querySelectorAll('a')); };
    var show = function () {
      var query = input.value;
      if (!query.trim()) {
        close();
        status.textContent = '';
        return;
      }
      loadIndex().then(function (entries) {
        if (input.value !== query) return;
        var found = search(entries, query);
        status.textContent = count(found.length, query) + (found.length ? ': press the down arrow to choose one' : '');
        var list = element('ul', 'search-suggest__list');
        found.slice(0, 6).forEach(function (doc) {
          var link = element('a', '', doc.title);
          link.href = doc.url;
          link.appendChild(element('span', 'search-suggest__kind', doc.kind));
          var item = element('li');
          item.appendChild(link);
          list.appendChild(item);
        });
        var all = element('a', 'search-suggest__all', (found.length > 1 ? 'All ' : '') + count(found.length, query));
        all.href = '/search/?q=' + encodeURIComponent(query);
        panel.replaceChildren(list, all);
        panel.hidden = false;
      }, function () {
        status.textContent = UNAVAILABLE;
        panel.replaceChildren(element('p', 'search-suggest__none', UNAVAILABLE));
        panel.hidden = false;
      });
    };
    input.addEventListener('input', function () { dismissed = false; show(); });
    input.addEventListener('focus', function () { loadIndex(); if (input.value.trim() && !dismissed) show(); });
    form.addEventListener('keydown', function (event) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (event.key === 'Escape' && !panel.hidden) {
        dismissed = true;
        close();
        input.focus();
        event.preventDefault();
      } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !panel.hidden && all.length) {
        var next = event.key === 'ArrowDown' ? at + 1 : at - 1;
        if (next < 0) input.focus(); else all[Math.min(next, all.length - 1)].focus();
        event.preventDefault();
      }
    });
    form.addEventListener('focusout', function (event) {
      if (!form.contains(event.relatedTarget)) close();
    });
  }

  function start() {
    document.querySelectorAll('input[data-search]').forEach(function (input) {
      if (input.dataset.search === 'page') searchPage(input); else suggest(input);
    });
  }

  /* For the browser tests, which compare these rules with SearchTerms. */
  window.pressSearch = { terms: terms, stem: stem };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
