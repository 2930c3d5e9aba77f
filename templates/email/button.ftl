<#ftl output_format="HTML">
<#-- A bulletproof button: the colour is on the table cell, so it shows with images off and in
     Outlook; the whole padded link is clickable elsewhere. -->
<#macro render href label>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" class="button">
<tr>
<td class="button-cell" bgcolor="#9c3d10" align="center">
<a class="button-link" href="${href}">${label}</a>
</td>
</tr>
</table>
</#macro>
