<#ftl output_format="HTML">
<#-- One article of the week: title, date and reading time, summary, and a "Read the article"
     link. The title is a link too, coloured and underlined as links are: colour alone does not
     say "link" (WCAG 1.4.1). -->
<#macro render a>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" class="article">
<tr>
<td class="article-cell">
<h3 class="article-title"><a href="${press.abs(a.url())}">${a.title()}</a></h3>
<p class="article-meta">${press.longDate(a.date())} · ${a.body().readingMinutes()} min read</p>
<p class="article-summary">${a.summary()}</p>
<p class="article-read"><a class="read-link" href="${press.abs(a.url())}">Read the article</a></p>
</td>
</tr>
</table>
</#macro>
