/* Subscribe forms (<form data-subscribe>, templates/partials/subscribe-form.ftl): sent in the
   background, the list service's answer shown in the form's live region. The form works without
   this script (the service redirects to /subscribe/check-your-inbox/). The request stays a CORS
   "simple" one (a form-encoded body, no header but Accept), so no preflight is needed; on a
   network error the form stays as it was, to try again or send without the script. */
(function () {
  'use strict';

  var SENDING = 'Sending…';
  var OFFLINE = 'We could not reach the subscription service. Check your connection and try again.';
  var FAILED = 'Something went wrong on our side. Please try again in a minute.';

  function enhance(form) {
    var button = form.querySelector('button[type="submit"]');
    var status = form.querySelector('[aria-live]');
    if (!button || !status || !window.fetch || !window.URLSearchParams) {
      return; // the plain form still works
    }
    var label = button.textContent;

    function show(message, kind) {
      status.textContent = message;
      status.className = status.className.replace(/ is-\w+/g, '') + (kind ? ' is-' + kind : '');
    }

    function done() {
      button.disabled = false;
      button.removeAttribute('aria-disabled');
      button.textContent = label;
      form.removeAttribute('aria-busy');
    }

    form.addEventListener('submit', function (event) {
      if (!form.checkValidity()) {
        return; // the browser says what is missing
      }
      event.preventDefault();
      if (button.disabled) {
        return;
      }
      button.disabled = true;
      button.textContent = SENDING;
      form.setAttribute('aria-busy', 'true');
      show(SENDING, 'pending');
      var body = new URLSearchParams();
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.name && !field.disabled) {
          body.append(field.name, field.value);
        }
      });
      fetch(form.action, {
        method: 'POST',
        headers: {'Accept': 'application/json'},
        body: body,
        credentials: 'omit',
        mode: 'cors'
      }).then(function (response) {
        return response.json().then(function (answer) {
          return {ok: response.ok && answer && answer.ok === true, message: answer && answer.message};
        }, function () {
          return {ok: false, message: null};
        });
      }).then(function (answer) {
        done();
        if (answer.ok) {
          show(answer.message || 'Almost done: check your inbox and press the button in our email.', 'ok');
          form.reset();
        } else {
          show(answer.message || FAILED, 'error');
        }
      }, function () {
        done();
        show(OFFLINE, 'error');
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('form[data-subscribe]'), enhance);
})();
