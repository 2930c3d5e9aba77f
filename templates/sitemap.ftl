<#ftl output_format="XML">
<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>${press.abs('/')}</loc><#if site.lastUpdated()??><lastmod>${press.isoDate(site.lastUpdated())}</lastmod></#if></url>
<#list ["/archive/", "/snippets/", "/tips/", "/tags/", "/newsletter/"] as page>
  <url><loc>${press.abs(page)}</loc></url>
</#list>
<#list site.entries()?filter(e -> !e.doc().noindex()) as e>
  <url><loc>${press.abs(e.url())}</loc><#if e.date()??><lastmod>${press.isoDate(e.date())}</lastmod></#if></url>
</#list>
<#list site.tags() as t>
  <url><loc>${press.abs(t.url())}</loc></url>
</#list>
</urlset>
