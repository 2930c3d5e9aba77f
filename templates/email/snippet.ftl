<#ftl output_format="HTML">
<#-- The template of the week, shown as an email ready to copy: subject line and body. -->
<#import "button.ftl" as button>
<#macro render s>
<tr>
<td class="section">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" class="box" bgcolor="#f4f1eb">
<tr>
<td class="box-cell">
<p class="label">Template of the week</p>
<h2 class="box-title">${s.title()}</h2>
<p class="use-when"><strong>When to use it:</strong> ${s.doc().text("use_when").orElse("")}</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" class="sample" bgcolor="#ffffff">
<tr><td class="sample-subject"><span class="sample-label">Subject:</span> ${s.doc().text("subject").orElse("")}</td></tr>
<tr><td class="sample-body">
${s.body().email().html()?no_esc}
</td></tr>
</table>
<#assign score = s.replyScore()>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" class="readiness">
<tr><td colspan="2" class="readiness-title">Reply-readiness</td></tr>
<tr>
<td class="readiness-cell" width="50%"><span class="readiness-figure">${score.words()}</span> words<br><span class="readiness-aim">aim 50–125</span></td>
<td class="readiness-cell" width="50%"><span class="readiness-figure">${press.readingLevel(score.grade())?cap_first}</span><br><span class="readiness-aim">grade ${press.grade(score.grade())}, aim 6 or lower</span></td>
</tr>
<tr>
<td class="readiness-cell" width="50%"><span class="readiness-figure">${score.questions()}</span> question<#if score.questions() != 1>s</#if><br><span class="readiness-aim">aim 1–3</span></td>
<td class="readiness-cell" width="50%">Ends with an ask: <span class="readiness-figure">${score.endsWithAsk()?then("yes", "no")}</span></td>
</tr>
</table>
<@button.render href=press.abs(s.url()) label="Copy it from the site"/>
</td>
</tr>
</table>
</td>
</tr>
</#macro>
