// Paragraf: small progressive enhancements for the secretary workspace.
// Every page works without this file; it only makes editing quicker and safer.
(function () {
  'use strict';

  // A vote form shows its running tally as choices are made (aria-live), so the
  // secretary sees "3 ja, 1 nej, 1 avstår" before registering it.
  function tally(form) {
    var out = form.querySelector('output.tally');
    if (!out) {
      out = document.createElement('output');
      out.className = 'tally';
      out.setAttribute('aria-live', 'polite');
      var submit = form.querySelector('button[type=submit]');
      form.insertBefore(out, submit ? submit.parentNode : null);
    }
    var n = { yes: 0, no: 0, abstain: 0 };
    form.querySelectorAll('select[name^="vote-"]').forEach(function (s) {
      if (s.value in n) n[s.value] += 1;
    });
    var lead = n.yes > n.no ? 'ja vinner' : n.no > n.yes ? 'nej vinner' : 'lika: ordförandens röst avgör';
    out.textContent = 'Räkning: ' + n.yes + ' ja, ' + n.no + ' nej, ' + n.abstain + ' avstår (' + lead + ')';
  }
  document.querySelectorAll('form[action$="/omrostning"]').forEach(function (form) {
    tally(form);
    form.addEventListener('change', function () { tally(form); });
  });

  // The case list filters as you type; the search form still works without scripts.
  var q = document.querySelector('form[role=search] input[name=q]');
  var rows = document.querySelectorAll('table.filterable tbody tr');
  if (q && rows.length) {
    var status = document.createElement('p');
    status.setAttribute('aria-live', 'polite');
    status.className = 'filter-status';
    q.form.appendChild(status);
    q.addEventListener('input', function () {
      var term = q.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (tr) {
        var hit = !term || tr.textContent.toLowerCase().indexOf(term) !== -1;
        tr.hidden = !hit;
        if (hit) shown += 1;
      });
      status.textContent = shown + ' av ' + rows.length + ' ärenden visas';
    });
  }

  // A form is sent once: its submit button is disabled while the request runs.
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post') return;
    var button = e.submitter || form.querySelector('button[type=submit]');
    if (!button) return;
    if (form.dataset.sending) { e.preventDefault(); return; }
    form.dataset.sending = '1';
    form.setAttribute('aria-busy', 'true');
    // Disabled after the event, so that the button's own name and value are still sent.
    setTimeout(function () { button.disabled = true; }, 0);
  });

  // Leaving a page with unsaved text in a form asks first.
  var dirty = false;
  document.addEventListener('input', function (e) {
    if (e.target.closest && e.target.closest('form[method=post]') && e.target.tagName === 'TEXTAREA') dirty = true;
  });
  document.addEventListener('submit', function () { dirty = false; }, true);
  window.addEventListener('beforeunload', function (e) {
    if (dirty) { e.preventDefault(); e.returnValue = ''; }
  });
})();
