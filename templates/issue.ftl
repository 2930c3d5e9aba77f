<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#assign e = site.entry(content.source)>
<@layout.page title=e.title() description=e.summary() url=e.url() ogType="article">
<article class="article">
  <header class="article__header">
    <p class="crumbs">Newsletter</p>
    <h1>${e.title()}</h1>
    <@layout.meta e/>
  </header>
  <div class="prose">
${e.body().html()?no_esc}
  </div>
</article>
<#include "partials/subscribe.ftl">
</@layout.page>
