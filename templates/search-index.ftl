<#ftl output_format="plainText">
<#-- The search index, read by assets/js/search.js: for every article, email template, tip and
     page (but those marked noindex), its address, title, kind, summary (shortened), tags, and the stems of its text that
     those leave out (press's SearchTerms, computed once per document, so rendering this again
     on every edit in press serve stays cheap).
     Articles come first, newest first: the order breaks ties between equal scores. -->
<#assign kinds = {"post": "Article", "snippet": "Email template", "tip": "Tip", "page": "Page"}>
{"docs":[
<#list site.articles() + site.snippets() + site.tips() + site.ofType("page")?filter(p -> !p.doc().noindex()) as e>
<#assign summary = (e.type() == "snippet")?then(e.doc().text("use_when").orElse(""), e.summary())?truncate(160, "…")>
${press.json({
  "url": e.url(),
  "title": e.title(),
  "kind": kinds[e.type()],
  "summary": summary,
  "tags": e.tags(),
  "terms": press.searchTerms(e, summary)
})}<#sep>,</#sep>
</#list>
]}
