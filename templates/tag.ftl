<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#assign t = site.tag(tag)>
<@layout.page title="Tagged “${t.name()}”" description="Articles and email templates tagged ${t.name()}." url=t.url()>
<@layout.crumbs trail=[["Tags", "/tags/"]] title="Tagged “${t.name()}”" url=t.url()/>
<h1>Tagged “${t.name()}”</h1>
<#assign articles = t.entries()?filter(e -> e.type() == "post")>
<#assign snippets = t.entries()?filter(e -> e.type() == "snippet")>
<#assign others = t.entries()?filter(e -> e.type() != "post" && e.type() != "snippet")>
<#if articles?has_content>
<section class="section" aria-labelledby="tag-articles">
  <h2 id="tag-articles">Articles</h2>
  <@layout.cards entries=articles headingLevel=3/>
</section>
</#if>
<#if snippets?has_content>
<section class="section" aria-labelledby="tag-snippets">
  <h2 id="tag-snippets">Email templates</h2>
  <@layout.cards entries=snippets headingLevel=3/>
</section>
</#if>
<#if others?has_content>
<section class="section" aria-labelledby="tag-more">
  <h2 id="tag-more">More</h2>
  <@layout.cards entries=others headingLevel=3/>
</section>
</#if>
</@layout.page>
