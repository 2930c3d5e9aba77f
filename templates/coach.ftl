<#ftl output_format="HTML">
<#-- The reply coach: the reader writes (or pastes) a subject and an email, and
     assets/js/coach.js scores it as they type, with assets/js/reply-score.js — the same rules as
     the snippet pages and `press coach`. Nothing leaves the browser. -->
<#import "layout.ftl" as layout>
<@layout.page title="Reply coach: score your email" description="Write or paste an email and see, as you type, how ready it is to get a reply: length, reading grade, questions, subject and the ask." url="/coach/" current="coach" scripts=["/js/reply-score.js", "/js/coach.js"]>
<h1>Reply coach</h1>
<p class="lead">Write or paste your email. As you type, the coach counts what studies of millions of
emails tie to replies: 50–125 words, plain words in short sentences, one to three questions, a
subject of three to six words, and an ending the reader can answer. Your text stays in your
browser.</p>
<form class="coach" id="coach" action="/coach/" method="get">
  <label for="coach-subject">Subject</label>
  <input type="text" id="coach-subject" name="subject" autocomplete="off" spellcheck="true">
  <label for="coach-body">Email</label>
  <textarea id="coach-body" name="body" rows="12" spellcheck="true" aria-describedby="coach-help"></textarea>
  <p class="coach__help" id="coach-help">Placeholders such as <code>{name}</code> count as one word.</p>
</form>
<section class="reply-score coach__result" aria-labelledby="coach-result-title">
  <h2 id="coach-result-title">Reply-readiness</h2>
  <div id="coach-result" role="status" aria-live="polite" aria-atomic="true">
    <p>Start typing: the figures appear here.</p>
  </div>
</section>
<noscript><p>The coach scores your email in your browser and needs JavaScript. The rules are
listed with every <a href="/snippets/">email template</a>.</p></noscript>
<p>Need a start? Every <a href="/snippets/">email template</a> has a “Check your own version”
link that opens it here.</p>
</@layout.page>
