<#ftl output_format="HTML">
<#-- The list service's own emails (content/list/confirm.md, already.md, welcome.md). Baked like
     an issue (email.css inlined, links absolute, preheader, text part, the quality gate), but
     transactional: sent to one person who asked for it, so no unsubscribe link and no list
     headers; the postal address stays. A paragraph that is only a link is shown as a button.
     {{confirm_url}}, {{manage_url}} (and {{name}} outside the confirmation) are left for the
     list service to fill. -->
<#import "button.ftl" as button>
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
<title>${list.subject()}</title>
<#-- Outlook on Windows does not know the first fonts of the inline stack and falls back to
     Times: this rule names its fonts, with !important, as an inline style beats a plain rule. -->
<!--[if mso]>
<noscript><xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml></noscript>
<style>td,th,p,a,h1,h2,h3,li,span{font-family:"Segoe UI",Arial,sans-serif !important;mso-line-height-rule:exactly;}</style>
<![endif]-->
</head>
<body class="body">
<div role="article" aria-roledescription="email" aria-label="${list.subject()}" lang="${config.site_locale!'en'}" class="email">
<table role="presentation" class="wrapper" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f4f1eb">
<tr>
<td align="center" class="wrapper-cell">
<!--[if mso]><table role="presentation" align="center" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" class="container" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff">
<tr>
<td class="header">
<a class="brand" href="${press.abs('/')}">${config.site_title}</a>
<h1 class="list-title">${list.title()}</h1>
</td>
</tr>
<tr>
<td class="section note">
<#list list.blocks() as b>
<#if b.button()>
<@button.render href=b.href() label=b.label()/>
<#else>
${b.html()?no_esc}
</#if>
</#list>
</td>
</tr>
<tr>
<td class="footer">
<p>${config.newsletter_name!config.site_title} · <a href="${press.abs('/')}">${press.host()?remove_beginning("https://")}</a></p>
<p class="address">${email.postalAddress()}</p>
</td>
</tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td>
</tr>
</table>
</div>
</body>
</html>
