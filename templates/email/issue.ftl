<#ftl output_format="HTML">
<#-- The newsletter email. Rendered by press, then: email.css inlined, links made absolute,
     images sized, the preheader added, checked by the email quality gate. Tables for layout
     (role="presentation"), 600px wide, Outlook ghost tables in conditional comments. -->
<#import "header.ftl" as header>
<#import "article.ftl" as article>
<#import "tip.ftl" as tip>
<#import "snippet.ftl" as snippet>
<#import "footer.ftl" as footer>
<!DOCTYPE html>
<html lang="${config.site_locale!'en'}" xmlns="http://www.w3.org/1999/xhtml" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="x-apple-disable-message-reformatting">
<meta name="format-detection" content="telephone=no, date=no, address=no, email=no, url=no">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${issue.subject()}</title>
<#-- Outlook on Windows does not know the first fonts of the inline stack and falls back to
     Times: this rule names its fonts, with !important, as an inline style beats a plain rule. -->
<!--[if mso]>
<noscript><xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml></noscript>
<style>td,th,p,a,h1,h2,h3,li,span{font-family:"Segoe UI",Arial,sans-serif !important;mso-line-height-rule:exactly;}</style>
<![endif]-->
</head>
<body class="body">
<div role="article" aria-roledescription="email" aria-label="${issue.subject()}" lang="${config.site_locale!'en'}" class="email">
<table role="presentation" class="wrapper" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f4f1eb">
<tr>
<td align="center" class="wrapper-cell">
<!--[if mso]><table role="presentation" align="center" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" class="container" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff">
<@header.render issue email/>
<tr>
<td class="section note">
<p>Hi ${email.greetingName()},</p>
${issue.noteHtml()?no_esc}
</td>
</tr>
<#if issue.articles()?has_content>
<tr>
<td class="section">
<h2 class="section-title">This week’s articles</h2>
<#list issue.articles() as a>
<@article.render a/>
</#list>
</td>
</tr>
</#if>
<#if issue.tip()??>
<@tip.render issue.tip()/>
</#if>
<#if issue.snippet()??>
<@snippet.render issue.snippet()/>
</#if>
<@footer.render email/>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td>
</tr>
</table>
</div>
</body>
</html>
