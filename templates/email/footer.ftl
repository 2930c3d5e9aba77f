<#ftl output_format="HTML">
<#-- Why you get this, one-click unsubscribe, view in browser, the postal address. -->
<#macro render email>
<tr>
<td class="footer">
<p>You get this email because you subscribed to ${config.newsletter_name!config.site_title} at <a href="${press.abs('/')}">${press.host()?remove_beginning("https://")}</a>. It comes every Monday.</p>
<p><a href="${email.unsubscribeUrl()}">Unsubscribe</a> with one click · <a href="${email.browserUrl()}">View this issue in your browser</a></p>
<p class="address">${email.postalAddress()}</p>
</td>
</tr>
</#macro>
