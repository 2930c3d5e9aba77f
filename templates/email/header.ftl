<#ftl output_format="HTML">
<#-- Top of the email: the name, the view-in-browser link, the date and the issue's title. -->
<#macro render issue email>
<tr>
<td class="header">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr>
<td class="brand-cell"><a class="brand" href="${press.abs('/')}">${config.site_title}</a></td>
<td class="view-online" align="right"><a href="${email.browserUrl()}">View in browser</a></td>
</tr>
</table>
<p class="issue-date">${press.longDate(issue.date())}</p>
<h1 class="issue-title">${issue.title()}</h1>
</td>
</tr>
</#macro>
