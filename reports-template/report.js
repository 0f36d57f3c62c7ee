// Filters the findings table in place. Row i of #findings-table belongs to entry i of #lg-filter-data
// ({id, severity, family, account, status, baseline, rule, region, owner, text}). The chosen filters are kept in the
// address (#findings?severity=HIGH&text=…), so a reload or a shared link shows the same rows. A rule link followed
// from a finding leads back to that finding. Without JavaScript the full table stays readable.
(function () {
  'use strict';
  var data = document.getElementById('lg-filter-data');
  var form = document.getElementById('filters');
  var table = document.getElementById('findings-table');
  var shown = document.getElementById('shown');
  if (!data || !form || !table || !shown) {
    return;
  }
  var entries = JSON.parse(data.textContent);
  // A copy, not the live collection: indexing a live HTMLCollection can cost a walk of the table per row.
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  if (rows.length !== entries.length) {
    shown.textContent = 'Filters are unavailable: the table and its data do not match.';
    return;
  }
  var texts = entries.map(function (e) { return e.text.toLowerCase(); });
  // A template of an earlier version may lack some selects: filter by those it has.
  var fields = ['severity', 'family', 'account', 'status', 'baseline', 'rule', 'region', 'owner']
    .filter(function (name) { return document.getElementById('f-' + name); });
  var selects = fields.map(function (name) { return document.getElementById('f-' + name); });
  var text = document.getElementById('f-text');
  var STATE = '#findings?';

  function apply() {
    var wanted = selects.map(function (s) { return s.value; });
    var terms = text.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var count = 0;
    for (var i = 0; i < entries.length; i++) {
      var entry = entries[i];
      var match = true;
      for (var f = 0; f < fields.length && match; f++) {
        match = !wanted[f] || entry[fields[f]] === wanted[f];
      }
      for (var t = 0; t < terms.length && match; t++) {
        match = texts[i].indexOf(terms[t]) !== -1;
      }
      if (rows[i].hidden === match) {
        rows[i].hidden = !match;
      }
      if (match) {
        count++;
      }
    }
    shown.textContent = count === entries.length
      ? entries.length + ' findings'
      : count + ' of ' + entries.length + ' findings shown';
  }

  // The filters as the address's fragment; the query is left alone (a pre-signed S3 link is signed over it).
  function remember() {
    var state = new URLSearchParams();
    fields.forEach(function (name, f) {
      if (selects[f].value) {
        state.set(name, selects[f].value);
      }
    });
    if (text.value.trim()) {
      state.set('text', text.value.trim());
    }
    var fragment = state.toString() ? STATE + state.toString() : '#findings';
    if (location.hash !== fragment) {
      history.replaceState(null, '', fragment);
    }
  }

  // Sets the controls from the address; true when it held filters.
  function restore() {
    if (location.hash.indexOf(STATE) !== 0) {
      return false;
    }
    var state = new URLSearchParams(location.hash.substring(STATE.length));
    fields.forEach(function (name, f) {
      selects[f].value = state.get(name) || '';
    });
    text.value = state.get('text') || '';
    apply();
    return true;
  }

  // Typing waits for a pause; a select applies at once. Both events are handled, as browsers differ in which a
  // select fires; a second event within the wait replaces the first.
  var timer = null;
  function schedule(event) {
    clearTimeout(timer);
    timer = setTimeout(function () { apply(); remember(); }, event.target === text ? 150 : 0);
  }
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  form.addEventListener('reset', function () { setTimeout(function () { apply(); remember(); }, 0); });
  form.addEventListener('submit', function (event) { event.preventDefault(); apply(); remember(); });
  window.addEventListener('hashchange', restore);

  // Following a rule link from a finding: the rule's back link returns to that finding rather than to the top.
  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[href^="#rule-"]') : null;
    var row = link && link.closest('tr[data-id]');
    var rule = link && document.getElementById(link.getAttribute('href').substring(1));
    var back = rule && rule.querySelector('.back a');
    var finding = row && document.getElementById('finding-' + row.getAttribute('data-id'));
    if (back && finding) {
      back.setAttribute('href', '#' + finding.id);
      back.textContent = 'Back to the finding';
    }
  });

  form.hidden = false;
  if (restore()) {
    var section = document.getElementById('findings');
    if (section.scrollIntoView) {
      section.scrollIntoView();
    }
  }
})();
