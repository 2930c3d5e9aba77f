<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title="Tips" description="One short, practical tip at a time, from the weekly newsletter." url="/tips/" current="tips">
<h1>Tips</h1>
<#if site.tips()?has_content>
<ul class="tips">
<#list site.tips() as tip>
  <li class="tip">
    <h2 class="tip__title"><a href="${tip.url()}">${tip.title()}</a></h2>
    <div class="prose">${tip.body().html()?no_esc}</div>
  </li>
</#list>
</ul>
<#else>
<p>No tips yet.</p>
</#if>
</@layout.page>
