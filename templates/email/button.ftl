<#ftl output_format="HTML">
<#-- A bulletproof button: the colour is on the table cell, so it shows with images off and in
     Outlook. The padding is on the link, so the whole button is clickable; Outlook on Windows
     ignores padding on <a>, so it gets the same padding on the cell (mso-padding-alt), as MJML
     does. -->
<#macro render href label>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" class="button">
<tr>
<td class="button-cell" bgcolor="#9c3d10" align="center">
<a class="button-link" href="${href}">${label}</a>
</td>
</tr>
</table>
</#macro>
