<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title="Articles" description="Every article, newest first." url="/archive/" current="archive">
<h1>Articles</h1>
<#list site.years() as year>
<section class="year" aria-labelledby="y${year.year()}">
  <h2 id="y${year.year()}">${year.year()}</h2>
  <ul class="archive-list">
  <#list year.articles() as a>
    <li><time datetime="${press.isoDate(a.date())}">${press.shortDate(a.date())}</time> <a href="${a.url()}">${a.title()}</a></li>
  </#list>
  </ul>
</section>
<#else>
<p>No articles yet.</p>
</#list>
</@layout.page>
