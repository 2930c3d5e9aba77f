<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=config.site_title description=config.site_description url="/" current="home" scripts=press.subscribeUrl()?has_content?then(["/js/subscribe.js"], [])>
<section class="hero">
  <h1>${config.site_tagline}</h1>
  <p class="lede">People stopped returning voice mails. They still answer short, well-aimed emails. Learn to find the address, write the email, keep the thread going and book the call.</p>
  <p class="hero__actions"><a class="button" href="/playbook/">Read the five-step playbook</a> <a class="button button--quiet" href="/snippets/">Browse the email templates</a></p>
</section>
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
