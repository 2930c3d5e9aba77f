<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title="Unsubscribe">
<p class="lede">Unsubscribe ${address} from ${listName}?</p>
<form method="post" action="${action}">
  <input type="hidden" name="via" value="page">
  <button class="button" type="submit">Unsubscribe</button>
</form>
<p><a href="${prefsUrl}">Change your preferences instead</a></p>
</@layout.page>
