<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=title>
<p class="lede">${text}</p>
<#if linkUrl?has_content><p><a href="${linkUrl}">${linkText}</a></p></#if>
</@layout.page>
