<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title="Your subscription">
<#if notice?has_content><p role="status"><strong>${notice}</strong></p></#if>
<p>${address}: <strong>${status}</strong>.</p>

<h2>Your name</h2>
<form method="post" action="${action}">
  <input type="hidden" name="action" value="rename">
  <p>
    <label for="name">The name we greet you with (optional, up to 100 characters)</label><br>
    <input id="name" name="name" type="text" maxlength="100" autocomplete="name" value="${name}">
  </p>
  <button class="button" type="submit">Save the name</button>
</form>

<h2>Getting the newsletter</h2>
<form method="post" action="${action}">
<#if subscribed>
  <input type="hidden" name="action" value="unsubscribe">
  <button class="button" type="submit">Unsubscribe</button>
<#elseif canResubscribe>
  <input type="hidden" name="action" value="resubscribe">
  <button class="button" type="submit">Subscribe again</button>
<#else>
  <p>This address gets no emails from us.</p>
</#if>
</form>

<h2>Your data</h2>
<p>We keep your address, the name you gave, your status and when it changed. No open or click tracking.</p>
<form method="post" action="${action}">
  <input type="hidden" name="action" value="download">
  <button class="button" type="submit">Download my data (JSON)</button>
</form>
<form method="post" action="${action}">
  <input type="hidden" name="action" value="delete">
  <p>
    <input id="sure" name="sure" type="checkbox" value="yes" required>
    <label for="sure">Yes, delete my address and its history for good</label>
  </p>
  <button class="button" type="submit">Delete me</button>
</form>
</@layout.page>
