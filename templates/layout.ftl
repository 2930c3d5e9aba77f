<#ftl output_format="HTML" strip_whitespace=true>
<#-- The page shell every HTML page shares. Macros only: import it with
     <#import "layout.ftl" as layout> and wrap the page in <@layout.page ...>. -->
<#macro page title description url ogType="website" current="">
<!DOCTYPE html>
<html lang="${config.site_locale!'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><#if title == config.site_title>${title}<#else>${title} · ${config.site_title}</#if></title>
<meta name="description" content="${description}">
<link rel="canonical" href="${press.abs(url)}">
<meta property="og:type" content="${ogType}">
<meta property="og:site_name" content="${config.site_title}">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${press.abs(url)}">
<meta name="color-scheme" content="light dark">
<link rel="stylesheet" href="/css/site.css">
<link rel="alternate" type="application/atom+xml" title="${config.site_title}: articles" href="/feed.xml">
<link rel="alternate" type="application/atom+xml" title="${config.site_title}: newsletter issues" href="/newsletter.xml">
<link rel="icon" href="data:,">
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <div class="wrap site-header__inner">
    <a class="brand" href="/"<#if current == "home"> aria-current="page"</#if>>${config.site_title}</a>
    <nav class="site-nav" aria-label="Main">
      <ul>
        <@navItem "/playbook/" "Playbook" current == "playbook"/>
        <@navItem "/snippets/" "Email templates" current == "snippets"/>
        <@navItem "/archive/" "Articles" current == "archive"/>
        <@navItem "/newsletter/" "Newsletter" current == "newsletter"/>
        <@navItem "/about/" "About" current == "about"/>
      </ul>
    </nav>
  </div>
</header>
<main id="main" class="wrap" tabindex="-1">
<#nested>
</main>
<footer class="site-footer">
  <div class="wrap">
    <p class="site-footer__tagline">${config.site_tagline}</p>
    <ul class="site-footer__links">
      <li><a href="/subscribe/">Get the weekly newsletter</a></li>
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
