<#ftl output_format="HTML">
<#-- The tip of the week, in its own block. -->
<#macro render t>
<tr>
<td class="section">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" class="box" bgcolor="#f4f1eb">
<tr>
<td class="box-cell">
<p class="label">Tip of the week</p>
<h2 class="box-title">${t.title()}</h2>
${t.body().html()?no_esc}
</td>
</tr>
</table>
</td>
</tr>
</#macro>
