// Renders and filters the findings, grouped by rule. #lg-finding-data holds {fields, strings, rows}: a row is the
// finding's id, then for each further field the index of its value in strings (a value shared by many findings is
// written once). A group's rows are built when it is opened or when a filter leaves few enough to open it, a page at a
// time, so a 20,000-finding report loads as fast as a small one. The chosen filters are kept in the address
// (#findings?severity=HIGH&text=…); a link to #finding-ID opens that finding's group at it. Without JavaScript the
// groups show their counts and the rows written into <noscript>.
(function () {
  'use strict';
  var dataElement = document.getElementById('lg-finding-data');
  var form = document.getElementById('filters');
  var shown = document.getElementById('shown');
  var container = document.getElementById('rule-groups');
  if (!dataElement || !form || !shown || !container) {
    return;
  }
  var data = JSON.parse(dataElement.textContent);
  var strings = data.strings;
  var rows = data.rows;
  var at = {};
  data.fields.forEach(function (name, i) { at[name] = i; });
  var total = rows.length;
  var PAGE = 100; // rows built per step in a group
  var OPEN_UP_TO = 200; // a filter leaving at most this many findings opens their groups

  // Value of a field of row i, as text.
  function value(i, field) {
    return field === 'id' ? rows[i][0] : strings[rows[i][at[field]]];
  }

  var groups = [];
  var groupOfRule = {};
  Array.prototype.forEach.call(container.querySelectorAll('details[data-rule]'), function (element) {
    var group = {
      element: element,
      table: element.querySelector('table.findings-table'),
      more: element.querySelector('button.more'),
      match: element.querySelector('.match'),
      rows: [],
      matched: [],
      built: 0
    };
    groups.push(group);
    groupOfRule[element.getAttribute('data-rule')] = group;
  });
  var grouped = 0;
  for (var r = 0; r < total; r++) {
    var owner = groupOfRule[value(r, 'rule')];
    if (owner) {
      owner.rows.push(r);
      grouped++;
    }
  }
  if (grouped !== total || !groups.every(function (g) { return g.table && g.more && g.match; })) {
    shown.textContent = 'Filters are unavailable: the groups and their data do not match.';
    return;
  }
  groups.forEach(function (g) { g.matched = g.rows; });

  // As on the server (DisplayText): control, format and separator characters show as \uXXXX.
  var ACTING = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
  function display(text) {
    return text.replace(ACTING, function (c) {
      var hex = c.codePointAt(0).toString(16).toUpperCase();
      while (hex.length < 4) {
        hex = '0' + hex;
      }
      return '\\u' + hex;
    });
  }

  // As {value.breakable} on the server: a line-break opportunity after a separator followed by a word.
  var SEPARATORS = '-/:._@,;=&?|)';
  function appendBreakable(parent, raw) {
    var text = display(raw);
    var start = 0;
    for (var i = 0; i + 1 < text.length; i++) {
      var next = text.charAt(i + 1);
      if (SEPARATORS.indexOf(text.charAt(i)) !== -1 && SEPARATORS.indexOf(next) === -1 && !/\s/.test(next)) {
        parent.appendChild(document.createTextNode(text.substring(start, i + 1)));
        parent.appendChild(document.createElement('wbr'));
        start = i + 1;
      }
    }
    parent.appendChild(document.createTextNode(text.substring(start)));
    return parent;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      appendBreakable(node, text);
    }
    return node;
  }

  function cell(className, label) {
    var td = element('td', className);
    if (label) {
      td.setAttribute('data-label', label);
    }
    return td;
  }

  // Fills td with one span per [class, field] of row i, a line each.
  function lines(td, i, spans) {
    spans.forEach(function (span, k) {
      if (k > 0) {
        td.appendChild(document.createElement('br'));
      }
      td.appendChild(element('span', span[0], value(i, span[1])));
    });
    return td;
  }

  // How long a finding has been open, in the server's words (ReportView.openFor): "new" on its first day.
  function openFor(ageDays) {
    return ageDays === '' ? '' : ageDays === '0' ? 'new' : ageDays === '1' ? '1 day' : ageDays + ' days';
  }

  // The same cells as the rows the template writes for readers without JavaScript.
  function buildRow(i) {
    var tr = document.createElement('tr');
    tr.id = 'finding-' + value(i, 'id');
    tr.setAttribute('data-id', value(i, 'id'));
    var severity = value(i, 'severity');
    var td = cell('short f-severity');
    td.appendChild(element('span', 'badge sev-' + severity.toLowerCase(), severity));
    tr.appendChild(td);
    td = cell('short f-status');
    td.appendChild(document.createTextNode(value(i, 'status')));
    if (value(i, 'baseline') === 'NEW') {
      td.appendChild(document.createTextNode(' '));
      td.appendChild(element('span', 'new', 'NEW'));
    }
    tr.appendChild(td);
    tr.appendChild(lines(cell('f-account', 'Account'), i, [['name', 'accountName'], ['arn', 'account'], ['ou', 'ouPath']]));
    tr.appendChild(appendBreakable(cell('short f-region', 'Region'), value(i, 'region')));
    tr.appendChild(lines(cell('f-resource', 'Resource'),
      i, [['name', 'resourceName'], ['arn', 'resourceArn'], ['quiet', 'resourceType']]));
    tr.appendChild(appendBreakable(cell('short f-owner', 'Owner'), value(i, 'owner')));
    td = cell('wide f-detail');
    td.appendChild(element('div', 'detail', value(i, 'detail')));
    if (value(i, 'related')) {
      td.appendChild(element('div', 'related', 'Related: ' + value(i, 'related')));
    }
    if (value(i, 'waiver')) {
      td.appendChild(element('div', 'waiver', value(i, 'waiver')));
    }
    if (value(i, 'hidden')) {
      td.appendChild(element('div', 'warn',
        'Contains invisible or text-direction control characters: read names with care.'));
    }
    tr.appendChild(td);
    tr.appendChild(appendBreakable(cell('short f-seen', 'First seen'), value(i, 'firstSeen')));
    td = cell('short f-age', 'Open for');
    td.textContent = openFor(value(i, 'ageDays'));
    tr.appendChild(td);
    return tr;
  }

  // Builds the group's next page of matching rows.
  function buildMore(g) {
    var body = g.table.tBodies[0];
    var end = Math.min(g.built + PAGE, g.matched.length);
    var rowsFragment = document.createDocumentFragment();
    for (var k = g.built; k < end; k++) {
      rowsFragment.appendChild(buildRow(g.matched[k]));
    }
    body.appendChild(rowsFragment);
    g.built = end;
    g.table.hidden = g.matched.length === 0;
    var left = g.matched.length - g.built;
    g.more.hidden = left === 0;
    g.more.textContent = 'Show ' + Math.min(PAGE, left) + ' more (' + left + ' not shown)';
  }

  function rebuild(g) {
    g.table.tBodies[0].textContent = '';
    g.built = 0;
    if (g.element.open) {
      buildMore(g);
    }
  }

  var fields = ['severity', 'family', 'account', 'status', 'baseline', 'rule', 'region', 'owner']
    .filter(function (name) { return document.getElementById('f-' + name); });
  var selects = fields.map(function (name) { return document.getElementById('f-' + name); });
  var text = document.getElementById('f-text');
  // "More than N days": a finding without an age (no firstSeen) never matches.
  var age = document.getElementById('f-age');
  var ages = null;
  var TEXT_FIELDS = ['rule', 'title', 'account', 'accountName', 'ouPath', 'owner', 'region', 'resourceType',
    'resourceName', 'resourceArn', 'related', 'detail'].map(function (name) { return at[name]; });
  var lowered = null;

  // For one search term: which strings contain it (each string is searched once, however many rows share it).
  function stringsWith(term) {
    lowered = lowered || strings.map(function (s) { return s.toLowerCase(); });
    var hits = new Uint8Array(strings.length);
    for (var s = 0; s < lowered.length; s++) {
      hits[s] = lowered[s].indexOf(term) !== -1 ? 1 : 0;
    }
    return hits;
  }

  function apply() {
    var wanted = selects.map(function (s) { return s.value; });
    var terms = (text ? text.value : '').trim().toLowerCase().split(/\s+/).filter(Boolean);
    var hits = terms.map(stringsWith);
    var olderThan = age && age.value ? Number(age.value) : -1;
    if (olderThan >= 0 && !ages) {
      ages = rows.map(function (row, i) { var days = value(i, 'ageDays'); return days === '' ? -1 : Number(days); });
    }
    var filtering = terms.length > 0 || wanted.some(Boolean) || olderThan >= 0;
    function matches(i) {
      for (var f = 0; f < fields.length; f++) {
        if (wanted[f] && value(i, fields[f]) !== wanted[f]) {
          return false;
        }
      }
      if (olderThan >= 0 && ages[i] <= olderThan) {
        return false;
      }
      var row = rows[i];
      for (var t = 0; t < terms.length; t++) {
        var found = row[0].toLowerCase().indexOf(terms[t]) !== -1;
        for (var c = 0; c < TEXT_FIELDS.length && !found; c++) {
          found = hits[t][row[TEXT_FIELDS[c]]] === 1;
        }
        if (!found) {
          return false;
        }
      }
      return true;
    }
    var count = 0;
    groups.forEach(function (g) {
      g.matched = filtering ? g.rows.filter(matches) : g.rows;
      count += g.matched.length;
      g.element.hidden = g.matched.length === 0;
      g.match.textContent = filtering ? g.matched.length + ' of ' + g.rows.length + ' shown' : '';
    });
    var openAll = filtering && count <= OPEN_UP_TO;
    groups.forEach(function (g) {
      if (openAll && g.matched.length > 0) {
        g.element.open = true;
      }
      rebuild(g);
    });
    shown.textContent = count === total ? total + ' findings' : count + ' of ' + total + ' findings shown';
  }

  container.addEventListener('toggle', function (event) {
    var g = groups.filter(function (candidate) { return candidate.element === event.target; })[0];
    if (g && g.element.open && g.built === 0) {
      buildMore(g);
    }
  }, true);
  container.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button.more') : null;
    var g = button && groupOfRule[button.closest('details[data-rule]').getAttribute('data-rule')];
    if (g) {
      buildMore(g);
    }
  });

  var STATE = '#findings?';
  var FINDING = '#finding-';

  // The filters as the address's fragment; the query is left alone (a pre-signed S3 link is signed over it).
  function remember() {
    var state = new URLSearchParams();
    fields.forEach(function (name, f) {
      if (selects[f].value) {
        state.set(name, selects[f].value);
      }
    });
    if (age && age.value) {
      state.set('age', age.value);
    }
    if (text && text.value.trim()) {
      state.set('text', text.value.trim());
    }
    var fragment = state.toString() ? STATE + state.toString() : '#findings';
    if (location.hash !== fragment) {
      history.replaceState(null, '', fragment);
    }
  }

  // Opens the group of finding ID at its row, clearing filters that hide it; true when the finding exists.
  var indexOfId = null;
  function reveal(id) {
    if (!indexOfId) {
      indexOfId = {};
      for (var i = 0; i < total; i++) {
        indexOfId[rows[i][0]] = i;
      }
    }
    var row = indexOfId[id];
    if (row === undefined) {
      return false;
    }
    var g = groupOfRule[value(row, 'rule')];
    if (g.matched.indexOf(row) === -1) {
      selects.concat(age ? [age] : []).forEach(function (s) { s.value = ''; });
      if (text) {
        text.value = '';
      }
      apply();
    }
    g.element.open = true;
    var position = g.matched.indexOf(row);
    while (g.built <= position) {
      buildMore(g);
    }
    var tr = document.getElementById('finding-' + id);
    if (tr.scrollIntoView) {
      tr.scrollIntoView();
    }
    return true;
  }

  // Sets the controls from the address, or opens the finding it names; true when it held either.
  function restore() {
    if (location.hash.indexOf(FINDING) === 0) {
      return reveal(decodeURIComponent(location.hash.substring(FINDING.length)));
    }
    if (location.hash.indexOf(STATE) !== 0) {
      return false;
    }
    var state = new URLSearchParams(location.hash.substring(STATE.length));
    fields.forEach(function (name, f) {
      selects[f].value = state.get(name) || '';
    });
    if (age) {
      age.value = state.get('age') || '';
    }
    if (text) {
      text.value = state.get('text') || '';
    }
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

  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
    var href = link ? link.getAttribute('href') : '';
    // A link to a finding: its row may not be built yet, or be hidden by a filter.
    if (href.indexOf(FINDING) === 0) {
      event.preventDefault();
      if (location.hash === href) {
        reveal(href.substring(FINDING.length));
      } else {
        location.hash = href;
      }
    }
  });

  form.hidden = false;
  if (restore() && location.hash.indexOf(STATE) === 0) {
    var section = document.getElementById('findings');
    if (section.scrollIntoView) {
      section.scrollIntoView();
    }
  }
})();
