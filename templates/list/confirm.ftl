<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title="Confirm your subscription">
<p class="lede">One last step: press the button to start getting ${listName}.</p>
<#-- /list.js presses this button when JavaScript runs; a link scanner's GET changes nothing. -->
<form method="post" action="${action}" data-press-autosubmit>
  <button class="button" type="submit">Yes, subscribe me</button>
</form>
<p class="muted">Didn’t ask for this? Close this page: nothing happens until the button is pressed.</p>
<script src="${scriptUrl}" defer></script>
</@layout.page>
