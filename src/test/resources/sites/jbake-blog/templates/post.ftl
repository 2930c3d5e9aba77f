<html><body>
<h1 id="title">${content.title}</h1>
<p id="date">${content.date?string("yyyy-MM-dd")}</p>
<#if (content.previousContent)??><a id="older" href="${content.rootpath}${content.previousContent.uri}">${content.previousContent.title}</a></#if>
<#if (content.nextContent)??><a id="newer" href="${content.rootpath}${content.nextContent.uri}">${content.nextContent.title}</a></#if>
${content.body}
</body></html>
