<#ftl output_format="plainText">
User-agent: *
Allow: /

Sitemap: ${press.abs('/sitemap.xml')}
