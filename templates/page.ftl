<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#assign e = site.entry(content.source)>
<#assign layoutName = (content.layout)!"">
<#assign slug = e.doc().slug()>
<@layout.page title=e.title() description=e.summary() url=e.url() current=slug robots=e.doc().noindex()?then("noindex", "") scripts=(layoutName == "subscribe" && press.subscribeUrl()?has_content)?then(["/js/subscribe.js"], [])>
<article class="article">
  <header class="article__header">
    <h1>${e.title()}</h1>
  </header>
<#if layoutName == "subscribe">
<#import "partials/subscribe-form.ftl" as subscribe>
  <p class="lede">${e.summary()}</p>
  <@subscribe.form id="subscribe"/>
</#if>
  <div class="prose">
${e.body().html()?no_esc}
  </div>
</article>
<#if layoutName == "playbook">
<section class="section" aria-labelledby="step-templates">
  <h2 id="step-templates">Templates for each step</h2>
  <#list site.steps() as step>
  <h3><a href="#${step.anchor()}">Step ${step.number()}: ${step.name()}</a></h3>
  <#if step.snippets()?has_content>
  <ul class="snippet-list">
    <#list step.snippets() as s><li><a href="${s.url()}">${s.title()}</a> — ${s.doc().text("use_when").orElse("")}</li></#list>
  </ul>
  <#else>
  <p class="muted">No templates for this step yet.</p>
  </#if>
  </#list>
</section>
</#if>
</@layout.page>
