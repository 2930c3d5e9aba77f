<#ftl output_format="HTML">
<aside class="cta" aria-labelledby="cta-title">
  <h2 id="cta-title">Get one short lesson every Monday</h2>
  <p>That week’s articles, a tip you can use the same day and a template of the week, ready to copy. Free, and one click to leave.</p>
<#if (subscribeForm!false) && press.subscribeUrl()?has_content>
<#import "subscribe-form.ftl" as subscribe>
  <@subscribe.form id="cta"/>
<#else>
  <p><a class="button" href="/subscribe/">Subscribe to the newsletter</a></p>
</#if>
</aside>
