<#ftl output_format="XML">
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${config.site_locale!'en'}">
  <title>${config.site_title}</title>
  <subtitle>${config.site_tagline}</subtitle>
  <link rel="self" type="application/atom+xml" href="${press.abs('/feed.xml')}"/>
  <link rel="alternate" type="text/html" href="${press.abs('/')}"/>
  <id>${press.abs('/')}</id>
  <updated>${press.atomDate(site.lastUpdated()!press.buildDate())}</updated>
  <author><name>${config.site_author}</name></author>
<#list site.latest(20) as a>
  <entry>
    <title>${a.title()}</title>
    <link rel="alternate" type="text/html" href="${press.abs(a.url())}"/>
    <id>${press.abs(a.url())}</id>
    <published>${press.atomDate(a.date())}</published>
    <updated>${press.atomDate(a.date())}</updated>
    <summary>${a.summary()}</summary>
<#list a.tags() as t>
    <category term="${t}"/>
</#list>
    <content type="html">${press.absoluteLinks(a.body().html())}</content>
  </entry>
</#list>
</feed>
