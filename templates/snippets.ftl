<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title="Email templates" description="Copy-ready emails for every step of the call-back playbook: first contact, follow-ups, booking the call." url="/snippets/" current="snippets">
<h1>Email templates</h1>
<p class="lede">Short emails that get replies, grouped by the step of the <a href="/playbook/">playbook</a> they serve. Open one, fill in the <code>{placeholders}</code>, send.</p>
<#list site.steps() as step>
<section class="step" aria-labelledby="${step.anchor()}">
  <h2 id="${step.anchor()}"><span class="step__number">Step ${step.number()}</span> ${step.name()}</h2>
  <#if step.snippets()?has_content>
  <ul class="cards">
  <#list step.snippets() as s>
    <li class="card<#if s.doc().isGreeting()> card--greeting</#if>">
      <h3 class="card__title"><a href="${s.url()}">${s.title()}</a></h3>
      <#if s.doc().isGreeting()><p class="card__subject">A voice-mail greeting to record</p><#else><p class="card__subject">Subject: “${s.doc().text("subject").orElse("")}”</p></#if>
      <p class="card__summary">${s.doc().text("use_when").orElse("")}</p>
    </li>
  </#list>
  </ul>
  <#else>
  <p class="muted">No templates for this step yet.</p>
  </#if>
</section>
</#list>
</@layout.page>
