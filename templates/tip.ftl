<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#assign e = site.entry(content.source)>
<@layout.page title=e.title() description=e.summary() url=e.url() current="tips">
<article class="article">
  <header class="article__header">
    <@layout.crumbs trail=[["Tips", "/tips/"]] title=e.title() url=e.url()/>
    <h1>${e.title()}</h1>
    <@layout.meta e/>
  </header>
  <div class="prose">
${e.body().html()?no_esc}
  </div>
  <@layout.tagList e.tags()/>
</article>
<#include "partials/subscribe.ftl">
</@layout.page>
