<html><body>
<ul id="posts"><#list published_posts as post><li><a href="${content.rootpath}${post.uri}">${post.title}</a></li></#list></ul>
<p id="pages">${currentPageNumber} of ${numberOfPages}</p>
<#if (previousFileName)??><a id="newer" href="${content.rootpath}${previousFileName}">newer</a></#if>
<#if (nextFileName)??><a id="older" href="${content.rootpath}${nextFileName}">older</a></#if>
</body></html>
