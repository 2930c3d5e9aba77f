<#ftl output_format="HTML" strip_whitespace=true>
<#-- The page shell every HTML page shares. Macros only: import it with
     <#import "layout.ftl" as layout> and wrap the page in <@layout.page ...>.

     page parameters: title, description and url (root-relative) of the page; ogType "article"
     for a dated piece; date (yyyy-MM-dd) and tags of an article, for sharing; current, the
     section to mark in the navigation ("search" also leaves the header's search box out);
     robots, e.g. "noindex"; scripts, more script files for this page; wide, a page laid out in
     columns on a desktop (the home page), whose header and footer widen with it. -->
<#macro page title description url ogType="website" current="" date="" tags=[] robots="" scripts=[] wide=false>
<#local wrap = wide?then("wrap wrap--wide", "wrap")>
<#local fullTitle = (title == config.site_title)?then(title, title + " · " + config.site_title)>
<!DOCTYPE html>
<html lang="${config.site_locale!'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${description}">
<#if robots?has_content>
<meta name="robots" content="${robots}">
</#if>
<link rel="canonical" href="${press.abs(url)}">
<meta property="og:type" content="${ogType}">
<meta property="og:site_name" content="${config.site_title}">
<meta property="og:locale" content="${(config.site_locale!'en')?replace('-', '_')}">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${press.abs(url)}">
<#if ogType == "article" && date?has_content>
<meta property="article:published_time" content="${date}">
<#list tags as t><meta property="article:tag" content="${t}"></#list>
</#if>
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="${title}">
<meta name="twitter:description" content="${description}">
<meta name="color-scheme" content="light dark">
<link rel="stylesheet" href="/css/site.css">
<#-- Without JavaScript a copy button could do nothing: hide it, before the first paint. -->
<noscript><style>.copy-button { display: none; }</style></noscript>
<script src="/js/search.js" defer></script>
<#list scripts as s><script src="${s}" defer></script></#list>
<link rel="alternate" type="application/atom+xml" title="${config.site_title}: articles" href="/feed.xml">
<link rel="alternate" type="application/atom+xml" title="${config.site_title}: newsletter issues" href="/newsletter.xml">
<link rel="icon" href="data:,">
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <div class="${wrap} site-header__inner">
    <a class="brand" href="/"<#if current == "home"> aria-current="page"</#if>>${config.site_title}</a>
    <#if current != "search">
    <form class="site-search" role="search" action="/search/" method="get">
      <label class="visually-hidden" for="site-search">Search the site</label>
      <input class="site-search__input" type="search" id="site-search" name="q" placeholder="Search" autocomplete="off" enterkeyhint="search" data-search="suggest">
      <button class="site-search__button" type="submit"><svg class="site-search__icon" aria-hidden="true" focusable="false" viewBox="0 0 20 20" width="18" height="18"><circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M13 13l5 5" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg><span class="site-search__label">Search</span></button>
    </form>
    </#if>
    <nav class="site-nav" aria-label="Main">
      <ul>
        <@navItem "/playbook/" "Playbook" current == "playbook"/>
        <@navItem "/snippets/" "Email templates" current == "snippets"/>
        <@navItem "/coach/" "Reply coach" current == "coach"/>
        <@navItem "/archive/" "Articles" current == "archive"/>
        <@navItem "/newsletter/" "Newsletter" current == "newsletter"/>
        <@navItem "/about/" "About" current == "about"/>
      </ul>
    </nav>
  </div>
</header>
<main id="main" class="${wrap}" tabindex="-1">
<#nested>
</main>
<footer class="site-footer">
  <div class="${wrap}">
    <p class="site-footer__tagline">${config.site_tagline}</p>
    <ul class="site-footer__links">
      <li><a href="/subscribe/">Get the weekly newsletter</a></li>
      <li><a href="/search/">Search</a></li>
      <li><a href="/tags/">Tags</a></li>
      <li><a href="/tips/">Tips</a></li>
      <li><a href="/newsletter/">Newsletter archive</a></li>
      <li><a href="/feed.xml">Articles feed</a></li>
      <li><a href="/newsletter.xml">Newsletter feed</a></li>
    </ul>
  </div>
</footer>
</body>
</html>
</#macro>

<#macro navItem href label isCurrent>
<li><a href="${href}"<#if isCurrent> aria-current="page"</#if>>${label}</a></li>
</#macro>

<#-- Structured data for search engines: a hash written as JSON-LD. -->
<#macro jsonLd data>
<script type="application/ld+json">${press.json(data)?no_esc}</script>
</#macro>

<#-- The trail above a page's title, and the same trail as a BreadcrumbList for search engines
     (from the home page down to this page). trail: [[name, url], ...] from the top. -->
<#macro crumbs trail title url>
<nav class="crumbs" aria-label="Breadcrumb">
  <ol><#list trail as c><li><a href="${c[1]}">${c[0]}</a></li></#list></ol>
</nav>
<#local items = [{"@type": "ListItem", "position": 1, "name": config.site_title, "item": press.abs("/")}]>
<#list trail as c>
  <#local items += [{"@type": "ListItem", "position": c?counter + 1, "name": c[0], "item": press.abs(c[1])}]>
</#list>
<#local items += [{"@type": "ListItem", "position": trail?size + 2, "name": title, "item": press.abs(url)}]>
<@jsonLd {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}/>
</#macro>

<#-- An Article for search engines: an article or a newsletter issue. -->
<#macro articleData headline description url date tags=[] words=0>
<#local data = {
  "@context": "https://schema.org",
  "@type": "Article",
  "headline": headline,
  "description": description,
  "url": press.abs(url),
  "mainEntityOfPage": press.abs(url),
  "datePublished": date,
  "dateModified": date,
  "inLanguage": config.site_locale!'en',
  "author": {"@type": "Organization", "name": config.site_author, "url": press.abs("/about/")},
  "publisher": {"@type": "Organization", "name": config.site_title, "url": press.abs("/")}
}>
<#if tags?has_content><#local data += {"keywords": tags?join(", ")}></#if>
<#if words gt 0><#local data += {"wordCount": words}></#if>
<@jsonLd data/>
</#macro>

<#-- "Copy email" and "Open in your email app" for an email template. The copy button needs
     JavaScript (assets/js/copy.js; pass scripts=["/js/copy.js"] to page); the link works without. -->
<#macro emailActions subject text greeting=false>
<div class="email-actions">
<#if greeting>
  <#-- A greeting is read aloud when recording it: nothing to send, so no subject and no mailto. -->
  <button type="button" class="button copy-button" data-copy="${text}" data-copied="Copied the greeting. Fill in the placeholders and read it aloud when you record it.">Copy greeting</button>
<#else>
  <button type="button" class="button copy-button" data-copy="${"Subject: " + subject + "\n\n" + text}">Copy email</button>
  <a class="button button--quiet" href="${press.mailto(subject, text)}">Open in your email app</a>
</#if>
</div>
</#macro>

<#-- The reply-readiness panel of an email template: its figures against what gets replies, and
     a link to score one's own version on /coach/ (with this email in it). -->
<#macro replyPanel score subject text>
<#local ok = "✓"><#local no = "✗">
<section class="reply-score" aria-labelledby="reply-score-title">
  <h2 id="reply-score-title">Reply-readiness</h2>
  <dl class="reply-score__figures">
    <div><dt>Words</dt><dd>${score.words()} <span aria-hidden="true">${(score.words() >= 50 && score.words() <= 125)?then(ok, no)}</span><span class="reply-score__aim">aim 50–125</span></dd></div>
    <div><dt>Reading level</dt><dd>${press.readingLevel(score.grade())} <span aria-hidden="true">${(score.grade() <= 6)?then(ok, no)}</span><span class="reply-score__aim">grade ${press.grade(score.grade())}, aim 6 or lower</span></dd></div>
    <div><dt>Questions</dt><dd>${score.questions()} <span aria-hidden="true">${(score.questions() >= 1 && score.questions() <= 3)?then(ok, no)}</span><span class="reply-score__aim">aim 1–3</span></dd></div>
    <div><dt>Subject words</dt><dd>${score.subjectWords()} <span aria-hidden="true">${(score.subjectWords() >= 3 && score.subjectWords() <= 6)?then(ok, no)}</span><span class="reply-score__aim">aim 3–6</span></dd></div>
    <div><dt>Ends with an ask</dt><dd>${score.endsWithAsk()?then("yes", "no")}</dd></div>
  </dl>
  <p class="reply-score__coach"><a href="${press.coachUrl(subject, text)}">Check your own version</a> in the reply coach.</p>
</section>
</#macro>

<#-- "November 9, 2026 · 4 min read" -->
<#macro meta entry>
<p class="meta"><time datetime="${press.isoDate(entry.date())}">${press.longDate(entry.date())}</time><#if entry.type() == "post"> · ${entry.body().readingMinutes()} min read</#if></p>
</#macro>

<#macro tagList tags>
<#if tags?has_content>
<ul class="tags" aria-label="Tags">
<#list tags as t><li><a class="tag" href="${site.tagUrl(t)}" rel="tag">${t}</a></li></#list>
</ul>
</#if>
</#macro>

<#-- A list of entries with title, date and summary. -->
<#macro cards entries headingLevel=2>
<ul class="cards">
<#list entries as e>
  <li class="card">
    <h${headingLevel} class="card__title"><a href="${e.url()}">${e.title()}</a></h${headingLevel}>
    <#if e.date()??><@meta e/></#if>
    <p class="card__summary">${e.summary()}</p>
  </li>
</#list>
</ul>
</#macro>
