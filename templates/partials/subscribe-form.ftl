<#ftl output_format="HTML">
<#-- The subscribe form: posts to the list service (newsletter.list_url + /subscribe), which
     answers with a redirect to /subscribe/check-your-inbox/ (no JavaScript), or with JSON that
     assets/js/subscribe.js shows in the form's live region. Without newsletter.list_url it says
     how to subscribe by email. "website" is a honeypot: hidden from people and screen readers,
     skipped by the keyboard; a bot that fills it in is ignored by the service.
     id: a prefix for the fields' ids, unique on the page. -->
<#macro form id>
<#if press.subscribeUrl()?has_content>
<form class="subscribe-form" method="post" action="${press.subscribeUrl()}" data-subscribe>
  <div class="subscribe-form__fields">
    <p class="subscribe-form__field">
      <label for="${id}-email">Email address</label>
      <input class="subscribe-form__input" id="${id}-email" type="email" name="email" required autocomplete="email" maxlength="254" spellcheck="false">
    </p>
    <p class="subscribe-form__field">
      <label for="${id}-name">First name <span class="subscribe-form__optional">(optional)</span></label>
      <input class="subscribe-form__input" id="${id}-name" type="text" name="name" autocomplete="given-name" maxlength="100">
    </p>
  </div>
  <div class="subscribe-form__trap" aria-hidden="true">
    <label for="${id}-website">Leave this field empty</label>
    <input id="${id}-website" type="text" name="website" tabindex="-1" autocomplete="off">
  </div>
  <p class="subscribe-form__actions"><button class="button subscribe-form__button" type="submit">Subscribe</button></p>
  <p class="subscribe-form__status" role="status" aria-live="polite"></p>
  <p class="subscribe-form__note">We send one email to confirm your address. Nothing else until you click it.</p>
</form>
<#else>
<p class="subscribe-by-email">To subscribe, send an email to <a href="mailto:subscribe@${press.host()?remove_beginning("https://")?remove_beginning("http://")}?subject=subscribe">subscribe@${press.host()?remove_beginning("https://")?remove_beginning("http://")}</a> with the word “subscribe” in the subject or the body. That is all. You will get a short note back to confirm.</p>
</#if>
</#macro>
