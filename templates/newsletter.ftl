<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title="Newsletter archive" description="Every issue of the weekly newsletter: the week’s articles, a tip and a template of the week." url="/newsletter/" current="newsletter">
<h1>Newsletter archive</h1>
<p class="lede">One short email every Monday. Here is every issue so far; <a href="/subscribe/">subscribe</a> to get the next one.</p>
<#if newsletter.published()?has_content>
<ul class="cards">
<#list newsletter.published() as issue>
  <li class="card">
    <h2 class="card__title"><a href="${issue.url()}">${issue.title()}</a></h2>
    <p class="meta"><time datetime="${press.isoDate(issue.date())}">${press.longDate(issue.date())}</time></p>
    <p class="card__summary">${issue.preheader()}</p>
  </li>
</#list>
</ul>
<#else>
<p>No issues yet.</p>
</#if>
</@layout.page>
