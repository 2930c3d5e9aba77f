<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=config.site_title description=config.site_description url="/" current="home" wide=true scripts=press.subscribeUrl()?has_content?then(["/js/subscribe.js", "/js/copy.js"], ["/js/copy.js"])>
<#-- A desktop sees the method and a template at a glance: the hero beside a template to copy,
     the five steps in a row, then the articles beside the subscribe panel. A phone gets the
     same, one column. The template is the latest issue's template of the week, else the first. -->
<#assign issues = newsletter.published()>
<#assign sample = (issues?has_content && issues[0].snippet()??)?then(issues[0].snippet(), (site.snippets()?filter(s -> !s.doc().isGreeting())?has_content)?then(site.snippets()?filter(s -> !s.doc().isGreeting())[0], ""))>
<div class="home-hero">
<section class="hero">
  <h1>${config.site_tagline}</h1>
  <p class="lede">People stopped returning voice mails. They still answer short, well-aimed emails. Learn to find the address, write the email, keep the thread going and book the call.</p>
  <p class="hero__actions"><a class="button" href="/playbook/">Read the five-step playbook</a> <a class="button button--quiet" href="/snippets/">Browse the templates</a></p>
</section>
<#if sample?has_content>
<section class="home-sample" aria-labelledby="sample-title">
  <h2 id="sample-title"><span class="kicker">A template to copy<span class="visually-hidden">:</span></span> <a href="${sample.url()}">${sample.title()}</a></h2>
  <section class="email" aria-label="The email">
    <p class="email__subject"><span class="email__label">Subject</span> ${sample.doc().text("subject").orElse("")}</p>
    <div class="email__body">
${sample.body().email().html()?no_esc}
    </div>
  </section>
  <@layout.emailActions subject=sample.doc().text("subject").orElse("") text=sample.body().email().text()/>
</section>
</#if>
</div>
<section class="method" aria-labelledby="method-title">
  <h2 id="method-title">The method in five steps</h2>
  <ol class="method__steps">
  <#list site.steps() as step>
    <li class="method__step"><a href="/playbook/#${step.anchor()}"><span class="method__number" aria-hidden="true">${step.number()}</span> <span class="method__name">${step.name()}</span></a>
      <#if step.snippets()?has_content><span class="method__count">${step.snippets()?size} template<#if step.snippets()?size != 1>s</#if></span></#if></li>
  </#list>
  </ol>
</section>
<div class="home-columns">
<section class="section" aria-labelledby="latest">
  <h2 id="latest">Latest articles</h2>
  <#if site.articles()?has_content>
  <@layout.cards entries=site.latest(6) headingLevel=3/>
  <p><a href="/archive/">All articles</a></p>
  <#else>
  <p>No articles yet.</p>
  </#if>
</section>
<#-- The home page's call to action is the subscribe form itself (with newsletter.list_url). -->
<#assign subscribeForm = true>
<#include "partials/subscribe.ftl">
</div>
<@layout.jsonLd {
  "@context": "https://schema.org",
  "@type": "WebSite",
  "name": config.site_title,
  "description": config.site_description,
  "url": press.abs("/"),
  "inLanguage": config.site_locale!'en',
  "potentialAction": {
    "@type": "SearchAction",
    "target": {"@type": "EntryPoint", "urlTemplate": press.abs("/search/") + "?q={search_term_string}"},
    "query-input": "required name=search_term_string"
  }
}/>
</@layout.page>
