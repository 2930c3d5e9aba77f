// The list service's one script (served as /list.js; the pages have no inline script): presses the
// confirmation page's button, so a reader with JavaScript confirms by opening the link. Without
// JavaScript the reader presses it; a link scanner's GET changes nothing.
(function () {
  "use strict";
  var form = document.querySelector("form[data-press-autosubmit]");
  if (form && !sessionStorage.getItem("press-confirm-" + form.action)) {
    sessionStorage.setItem("press-confirm-" + form.action, "1");
    form.requestSubmit ? form.requestSubmit() : form.submit();
  }
})();
