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
<#if layoutName == "playbook">
<#-- Each step's templates right after the step's text, in the order they are used: one list per
     step, from the catalog, so the page never lists a template twice or misses a new one. -->
<#assign steps = site.steps()>
<#assign placed = []>
<#list press.sections(e.body().html()) as section>
${section.html()?no_esc}
<#list steps?filter(st -> st.anchor() == section.id()) as step>
<#assign placed += [step.anchor()]>
<@stepTemplates step/>
</#list>
</#list>
<#else>
${e.body().html()?no_esc}
</#if>
  </div>
</article>
<#if layoutName == "playbook">
<#assign unplaced = site.steps()?filter(st -> !placed?seq_contains(st.anchor()))>
<#if unplaced?has_content>
<section class="section" aria-labelledby="step-templates">
  <h2 id="step-templates">Templates for each step</h2>
  <#list unplaced as step>
  <h3><a href="#${step.anchor()}">Step ${step.number()}: ${step.name()}</a></h3>
  <@stepTemplates step false/>
  </#list>
</section>
</#if>
</#if>
</@layout.page>

<#macro stepTemplates step heading=true>
<#if heading><h3 id="${step.anchor()}-templates">Templates for step ${step.number()}</h3></#if>
<#if step.snippets()?has_content>
<ul class="snippet-list">
  <#list step.snippets() as s><li><a href="${s.url()}">${s.title()}</a> — ${s.doc().text("use_when").orElse("")}</li></#list>
</ul>
<#else>
<p class="muted">No templates for this step yet.</p>
</#if>
</#macro>
