<#ftl output_format="HTML">
<#-- A newsletter issue on the site: the same content as the email, in the site's layout.
     The email's "view in browser" link points here. -->
<#import "layout.ftl" as layout>
<#assign e = site.entry(content.source)>
<#assign issue = newsletter.issue(content.source)>
<@layout.page title=issue.subject() description=issue.preheader() url=e.url() ogType="article" current="newsletter" date=press.isoDate(issue.date()) scripts=["/js/copy.js"]>
<article class="article issue">
  <header class="article__header">
    <@layout.crumbs trail=[["Newsletter", "/newsletter/"]] title=issue.title() url=e.url()/>
    <h1>${issue.title()}</h1>
    <p class="meta"><time datetime="${press.isoDate(issue.date())}">${press.longDate(issue.date())}</time></p>
  </header>
  <div class="prose">
${issue.noteHtml()?no_esc}
  </div>
  <#if issue.articles()?has_content>
  <section class="section" aria-labelledby="week-articles">
    <h2 id="week-articles">This week’s articles</h2>
    <@layout.cards entries=issue.articles() headingLevel=3/>
  </section>
  </#if>
  <#if issue.tip()??>
  <#-- The tip is set off by a rule, the template is its one email box, and only the subscribe
       panel below is a filled panel: three alike panels in a row read as one blur. -->
  <section class="issue-tip" aria-labelledby="week-tip">
    <h2 id="week-tip"><span class="kicker">Tip of the week<span class="visually-hidden">:</span></span> ${issue.tip().title()}</h2>
    <div class="prose">${issue.tip().body().html()?no_esc}</div>
  </section>
  </#if>
  <#if issue.snippet()??>
  <#assign s = issue.snippet()>
  <section class="issue-template" aria-labelledby="week-snippet">
    <h2 id="week-snippet"><span class="kicker">Template of the week<span class="visually-hidden">:</span></span> <a href="${s.url()}">${s.title()}</a></h2>
    <p class="use-when"><strong>When to use it:</strong> ${s.doc().text("use_when").orElse("")}</p>
    <section class="email" aria-label="The email">
      <p class="email__subject"><span class="email__label">Subject</span> ${s.doc().text("subject").orElse("")}</p>
      <div class="email__body">
${s.body().email().html()?no_esc}
      </div>
    </section>
    <@layout.emailActions subject=s.doc().text("subject").orElse("") text=s.body().email().text()/>
  </section>
  </#if>
</article>
<@layout.articleData headline=issue.title() description=issue.preheader() url=e.url() date=press.isoDate(issue.date())/>
<#include "partials/subscribe.ftl">
</@layout.page>
