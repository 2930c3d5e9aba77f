<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#assign e = site.entry(content.source)>
<@layout.page title=e.title() description=e.summary() url=e.url() ogType="article" current="archive" date=press.isoDate(e.date()) tags=e.tags()>
<article class="article">
  <header class="article__header">
    <@layout.crumbs trail=[["Articles", "/archive/"]] title=e.title() url=e.url()/>
    <h1>${e.title()}</h1>
    <@layout.meta e/>
    <@layout.tagList e.tags()/>
  </header>
  <div class="prose">
${e.body().html()?no_esc}
  </div>
</article>
<@layout.articleData headline=e.title() description=e.summary() url=e.url() date=press.isoDate(e.date()) tags=e.tags() words=e.body().words()/>
<#assign related = site.relatedSnippets(e, 3)>
<#if related?has_content>
<aside class="related" aria-labelledby="related-title">
  <h2 id="related-title">Templates for this</h2>
  <ul class="related__list">
  <#list related as s>
    <li><a href="${s.url()}">${s.title()}</a> <span class="related__subject"><#if s.doc().isGreeting()>A voice-mail greeting<#else>Subject: “${s.doc().text("subject").orElse("")}”</#if></span></li>
  </#list>
  </ul>
</aside>
</#if>
<#assign older = site.older(e)!>
<#assign newer = site.newer(e)!>
<#if older?has_content || newer?has_content>
<nav class="pager" aria-label="More articles">
  <#if newer?has_content><a class="pager__newer" href="${newer.url()}" rel="prev"><span class="pager__label">Newer</span> ${newer.title()}</a></#if>
  <#if older?has_content><a class="pager__older" href="${older.url()}" rel="next"><span class="pager__label">Older</span> ${older.title()}</a></#if>
</nav>
</#if>
<#include "partials/subscribe.ftl">
</@layout.page>
