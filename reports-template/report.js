// Filters the findings table in place. Row i of #findings-table belongs to entry i of #lg-filter-data
// ({id, severity, family, account, status, baseline, text}). Without JavaScript the full table stays readable.
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
  var fields = ['severity', 'family', 'account', 'status', 'baseline'];
  var selects = fields.map(function (name) { return document.getElementById('f-' + name); });
  var text = document.getElementById('f-text');

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

  // Typing waits for a pause; a select applies at once. Both events are handled, as browsers differ in which a
  // select fires; a second event within the wait replaces the first.
  var timer = null;
  function schedule(event) {
    clearTimeout(timer);
    timer = setTimeout(apply, event.target === text ? 150 : 0);
  }
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  form.addEventListener('submit', function (event) { event.preventDefault(); apply(); });
  form.hidden = false;
})();
