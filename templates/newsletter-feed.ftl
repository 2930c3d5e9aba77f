<#ftl output_format="XML">
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${config.site_locale!'en'}">
  <title>${config.newsletter_name!config.site_title}</title>
  <subtitle>Every issue of the weekly newsletter</subtitle>
  <link rel="self" type="application/atom+xml" href="${press.abs('/newsletter.xml')}"/>
  <link rel="alternate" type="text/html" href="${press.abs('/newsletter/')}"/>
  <id>${press.abs('/newsletter/')}</id>
<#assign issues = newsletter.published()>
  <updated>${press.atomDate(issues?has_content?then(issues[0].date(), press.buildDate()))}</updated>
  <author><name>${config.site_author}</name></author>
<#list issues as issue>
  <entry>
    <title>${issue.title()}</title>
    <link rel="alternate" type="text/html" href="${press.abs(issue.url())}"/>
    <id>${press.abs(issue.url())}</id>
    <published>${press.atomDate(issue.date())}</published>
    <updated>${press.atomDate(issue.date())}</updated>
    <summary>${issue.preheader()}</summary>
    <content type="html">${press.absoluteLinks(issue.noteHtml())}</content>
  </entry>
</#list>
</feed>
