<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#assign e = site.entry(content.source)>
<#assign step = site.steps()[content.step - 1]>
<#assign greeting = e.doc().isGreeting()>
<#assign subject = e.doc().text("subject").orElse("")>
<@layout.page title=e.title() description=content.use_when url=e.url() ogType="article" current="snippets" date=press.isoDate(e.date()) tags=e.tags() scripts=["/js/copy.js"]>
<article class="snippet">
  <header class="article__header">
    <@layout.crumbs trail=[["Email templates", "/snippets/"], ["Step ${step.number()}: ${step.name()}", "/playbook/#${step.anchor()}"]] title=e.title() url=e.url()/>
    <h1>${e.title()}</h1>
    <p class="use-when"><strong>When to use it:</strong> ${content.use_when}</p>
  </header>
  <section class="email" aria-label="${greeting?then("The greeting", "The email")}">
    <#if !greeting><p class="email__subject"><span class="email__label">Subject</span> ${subject}</p></#if>
    <div class="email__body">
${content.email_html?no_esc}
    </div>
  </section>
  <#if content.placeholders?has_content>
  <p class="placeholders">Fill in: <#list content.placeholders as p><code>{${p}}</code><#sep>, </#list></p>
  </#if>
  <@layout.emailActions subject=subject text=content.email_text greeting=greeting/>
  <#if !greeting><@layout.replyPanel score=e.replyScore() subject=subject text=content.email_text/></#if>
  <#if content.notes_html?has_content>
  <div class="prose notes">
${content.notes_html?no_esc}
  </div>
  </#if>
  <@layout.tagList e.tags()/>
</article>
<#assign others = step.snippets()?filter(s -> s.path() != e.path())>
<#if others?has_content>
<aside class="related" aria-labelledby="more-title">
  <h2 id="more-title">More templates for step ${step.number()}</h2>
  <ul class="related__list"><#list others as s><li><a href="${s.url()}">${s.title()}</a></li></#list></ul>
</aside>
</#if>
</@layout.page>
