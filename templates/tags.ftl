<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title="Tags" description="Articles and email templates by topic." url="/tags/">
<h1>Tags</h1>
<#if site.tags()?has_content>
<ul class="tag-index">
<#list site.tags() as t>
  <li><a class="tag" href="${t.url()}">${t.name()}</a> <span class="count">${t.count()} <#if t.count() == 1>item<#else>items</#if></span></li>
</#list>
</ul>
<#else>
<p>No tags yet.</p>
</#if>
</@layout.page>
