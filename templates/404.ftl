<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title="Page not found" description="This page does not exist." url="/404.html">
<h1>Page not found</h1>
<p class="lede">There is nothing at this address. It may have moved, or the link may be mistyped.</p>
<ul>
  <li><a href="/">Home</a> — the latest articles</li>
  <li><a href="/archive/">All articles</a></li>
  <li><a href="/snippets/">Email templates</a></li>
  <li><a href="/playbook/">The call-back playbook</a></li>
</ul>
</@layout.page>
