<#ftl output_format="HTML">
<#-- The list service's pages (plain FreeMarker, rendered by press list serve, not by JBake):
     the site's look (its stylesheet from site.host), one main landmark, no inline script or style
     (the Content-Security-Policy allows neither). Everything works without JavaScript. -->
<#macro page title>
<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · ${listName}</title>
<link rel="stylesheet" href="${siteHost}/css/site.css">
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <div class="wrap site-header__inner">
    <a class="brand" href="${siteHost}/">${siteTitle}</a>
  </div>
</header>
<main id="main" class="wrap" tabindex="-1">
<h1>${title}</h1>
<#nested>
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>${listName} · <a href="${siteHost}/">${siteTitle}</a></p>
  </div>
</footer>
</body>
</html>
</#macro>
