/* Copy buttons: <button data-copy="..."> puts its text on the clipboard and says so, on the
   button and to screen readers. Where the clipboard cannot be written, the email is selected so
   the reader can copy it by hand. Without JavaScript the buttons are hidden (layout.ftl). */
(function () {
  'use strict';

  var status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');

  function writeText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return Promise.reject(new Error('no clipboard'));
  }

  function confirmCopy(button) {
    var label = button.dataset.label || button.textContent;
    button.dataset.label = label;
    button.textContent = 'Copied ✓';
    button.classList.add('is-copied');
    status.textContent = button.dataset.copied ||
        'Copied the subject and the email. Paste them into a new message and fill in the placeholders.';
    clearTimeout(button.restore);
    button.restore = setTimeout(function () {
      button.textContent = label;
      button.classList.remove('is-copied');
    }, 4000);
  }

  function selectEmail(button) {
    var email = button.closest('.email-actions').previousElementSibling;
    while (email && !email.classList.contains('email')) email = email.previousElementSibling;
    if (email) {
      var range = document.createRange();
      range.selectNodeContents(email);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
    status.textContent = 'Could not reach the clipboard: the email is selected, copy it with Ctrl+C or ⌘C.';
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-copy]');
    if (!button) return;
    if (!status.isConnected) button.parentNode.appendChild(status);
    writeText(button.dataset.copy).then(
      function () { confirmCopy(button); },
      function () { selectEmail(button); });
  });

  /* The live region must be in the page before it speaks. */
  function addStatus() {
    var first = document.querySelector('.email-actions');
    if (first) first.appendChild(status);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', addStatus);
  else addStatus();
})();
