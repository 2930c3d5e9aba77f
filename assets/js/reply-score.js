/*
 * Reply-readiness score of an email: the same rules as press.callback.content.ReplyScore (Java),
 * kept equal by the shared vectors in src/test/resources/coach/vectors.json. Read the Java class
 * for the rules in words. No dependencies; works offline.
 */
(function (root) {
  'use strict';

  var MIN_WORDS = 50, MAX_WORDS = 125, AIM_GRADE = 6, MAX_GRADE = 8;
  var MIN_SUBJECT_WORDS = 3, MAX_SUBJECT_WORDS = 6, MAX_QUESTIONS = 3, NEAR_MINIMUM = 5;

  var SPACES = /[\t\f\u000B\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]/g;
  var PLACEHOLDER = /^\{[^{} ]+\}\W*$/;
  var HAS_WORD = /[\p{L}\p{N}]/u;
  var SENTENCE = /(?<!\b(?:a\.m|p\.m|e\.g|i\.e|mr|mrs|ms|dr|vs))[.!?]+["\u201D\u2019')\]]*(?= |$)/gi;
  var CLOSERS = /["\u201D\u2019')\]*_]+$/;
  var VOWELS = /[aeiouy\u00E0-\u00E6\u00E8-\u00EF\u00F2-\u00F6\u00F8\u0153\u00F9-\u00FD]+/g;
  var VOWEL_LETTERS = 'aeiouy\u00E0\u00E1\u00E2\u00E3\u00E4\u00E5\u00E6\u00E8\u00E9\u00EA\u00EB\u00EC\u00ED\u00EE\u00EF' +
    '\u00F2\u00F3\u00F4\u00F5\u00F6\u00F8\u0153\u00F9\u00FA\u00FB\u00FC\u00FD';
  // The ask rule (Java: press.callback.content.EmailAsk).
  var SENTENCE_END = /(?<=[.?!]["\u201D\u2019')\]]?)(?<!\b(?:a\.m|p\.m|e\.g|i\.e|mr|mrs|ms|dr|vs)\.)\s+/i;
  var ASKS = /\b(please|let me know|could you|would you|can you|will you|could we|can we|are you free)\b/i;
  var REQUEST = /^(reply|write|send|call|pick|choose|book|tell|forward)\b/i;

  function normalize(text) {
    if (text == null) return '';
    return String(text).replace(/\r\n/g, '\n').replace(/\r/g, '\n').replace(SPACES, ' ');
  }

  function trim(text) {
    return text.replace(/^[ \n]+|[ \n]+$/g, '');
  }

  function words(text) {
    return text.split(/[ \n]+/).filter(function (t) { return HAS_WORD.test(t); });
  }

  function sentences(text) {
    var out = [];
    function add(s) {
      s = trim(s);
      if (HAS_WORD.test(s)) out.push(s);
    }
    text.split(/\n *\n/).forEach(function (paragraph) {
      var joined = trim(paragraph.split(/ *\n */).join(' '));
      var start = 0, m;
      SENTENCE.lastIndex = 0;
      while ((m = SENTENCE.exec(joined)) !== null) {
        if (m[0].length === 0) { SENTENCE.lastIndex++; continue; }
        add(joined.substring(start, m.index + m[0].length));
        start = m.index + m[0].length;
      }
      add(joined.substring(start));
    });
    return out;
  }

  function isVowel(c) {
    return VOWEL_LETTERS.indexOf(c) >= 0;
  }

  function syllables(token) {
    if (PLACEHOLDER.test(token)) return 1;
    var word = token.toLowerCase().replace(/[^\p{L}]/gu, '');
    if (word.length === 0) return 1;
    var groups = word.match(VOWELS);
    var count = groups ? groups.length : 0;
    var n = word.length;
    if (count > 1) {
      var before = n > 1 ? word.charAt(n - 2) : ' ';
      var beforeEd = n > 2 ? word.charAt(n - 3) : ' ';
      if (/e$/.test(word) && !isVowel(before) && !(before === 'l' && n > 2 && !isVowel(beforeEd))) {
        count--;
      } else if (/ed$/.test(word) && n > 2 && !isVowel(beforeEd) && beforeEd !== 't' && beforeEd !== 'd') {
        count--;
      }
    }
    return Math.max(1, count);
  }

  function isSignOff(line) {
    var s = trim(line).replace(CLOSERS, '');
    var count = (s.match(/\S+/g) || []).length;
    return count <= 4 && !/[.?:]$/.test(s);
  }

  function isAsk(sentence) {
    var s = trim(sentence).replace(CLOSERS, '');
    return /\?$/.test(s) || ASKS.test(s) || REQUEST.test(s.replace(/^["\u201C\u2018(]+/, ''));
  }

  function lastParagraphSentences(text) {
    var lines = trim(text).split('\n');
    while (lines.length && (/^ *$/.test(lines[lines.length - 1]) || isSignOff(lines[lines.length - 1]))) lines.pop();
    var paragraph = [];
    for (var i = lines.length - 1; i >= 0 && !/^ *$/.test(lines[i]); i--) paragraph.unshift(trim(lines[i]));
    var joined = trim(paragraph.join(' '));
    if (joined === '') return [];
    return joined.split(SENTENCE_END).filter(function (p, k, all) { return !(p === '' && k === all.length - 1); });
  }

  function round1(x) {
    return Math.round(x * 10) / 10;
  }

  function format(grade) {
    return grade === Math.round(grade) ? String(grade) : grade.toFixed(1);
  }

  /* A grade in words: the same bands as ReplyScore.level in Java (Flesch's table). */
  function level(grade) {
    if (grade <= 5) return 'very easy to read';
    if (grade <= 6) return 'easy to read';
    if (grade <= 7) return 'fairly easy to read';
    if (grade <= 9) return 'plain English';
    if (grade <= 12) return 'fairly hard to read';
    if (grade <= 16) return 'hard to read';
    return 'very hard to read';
  }

  function suggestions(w, grade, questions, subjectWords, ask) {
    var out = [];
    if (w === 0) {
      out.push('Write the email: ' + MIN_WORDS + '\u2013' + MAX_WORDS + ' words get the most replies.');
      return out;
    }
    var plainer = grade > AIM_GRADE
      ? 'Use shorter sentences and plainer words: grade ' + format(grade) + '; aim for ' + format(AIM_GRADE) + ' or lower.'
      : null;
    /* A long-winded email a few words short needs plainer words first (as ReplyScore.java). */
    if (plainer && w < MIN_WORDS && MIN_WORDS - w <= NEAR_MINIMUM) {
      out.push(plainer);
      plainer = null;
    }
    if (w > MAX_WORDS) {
      out.push('Cut ' + (w - MAX_WORDS) + ' words: emails of ' + MIN_WORDS + '\u2013' + MAX_WORDS + ' words get the most replies.');
    } else if (w < MIN_WORDS) {
      out.push('Add about ' + (MIN_WORDS - w) + ' words: say who you are and why you write to them.');
    }
    if (plainer) out.push(plainer);
    if (questions === 0) out.push('Ask one question.');
    else if (questions > MAX_QUESTIONS) out.push('Ask at most ' + MAX_QUESTIONS + ' questions (' + questions + ' now).');
    if (!ask) out.push('End with a question or a request for a time.');
    if (subjectWords === 0) {
      out.push('Write a subject of ' + MIN_SUBJECT_WORDS + '\u2013' + MAX_SUBJECT_WORDS + ' words.');
    } else if (subjectWords > MAX_SUBJECT_WORDS) {
      out.push('Shorten the subject to ' + MIN_SUBJECT_WORDS + '\u2013' + MAX_SUBJECT_WORDS + ' words (' + subjectWords + ' now).');
    } else if (subjectWords < MIN_SUBJECT_WORDS) {
      out.push('Lengthen the subject to ' + MIN_SUBJECT_WORDS + '\u2013' + MAX_SUBJECT_WORDS + ' words (' + subjectWords + ' now).');
    }
    return out;
  }

  function score(subject, body) {
    var text = normalize(body);
    var ss = sentences(text);
    var ws = words(text);
    var syl = 0;
    ws.forEach(function (t) { syl += syllables(t); });
    var w = ws.length;
    var grade = w === 0 ? 0 : round1(0.39 * (w / ss.length) + 11.8 * (syl / w) - 15.59);
    var questions = ss.filter(function (s) { return /\?$/.test(s.replace(CLOSERS, '')); }).length;
    var subjectWords = words(normalize(subject)).length;
    var closing = w === 0 ? [] : lastParagraphSentences(text);
    var ask = w > 0 && (closing.length === 0 || closing.some(isAsk));
    return {
      words: w, sentences: ss.length, syllables: syl, grade: grade, questions: questions,
      subjectWords: subjectWords, endsWithAsk: ask, suggestions: suggestions(w, grade, questions, subjectWords, ask)
    };
  }

  var api = { score: score, format: format, level: level, MIN_WORDS: MIN_WORDS, MAX_WORDS: MAX_WORDS, AIM_GRADE: AIM_GRADE, MAX_GRADE: MAX_GRADE };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.ReplyScore = api;
})(this);
