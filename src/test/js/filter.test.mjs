// The report's script (reports-template/report.js) in jsdom: it renders the findings of a rule group from the page's
// data when the group opens or a filter leaves few findings, and filters them. The reports are rendered by
// ReportFilterScriptTest into REPORT_DIR: typical.html (6 findings; two owners, two regions, one finding without an
// owner), aged.html (the same findings first seen 0 to 120 days before the run: SampleResults.AGES), hostile.html, many.html (5,000 findings; the browser check in ReportBrowserTest uses 20,000).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';

const dir = process.env.REPORT_DIR;
if (!dir) {
  throw new Error('REPORT_DIR is not set: run this through ReportFilterScriptTest');
}

// Where the report is read from: a pre-signed S3 link carries its signature in the query.
const SIGNED = 'https://reports.example/latest/report.html?X-Amz-Signature=abc';

function open(name, url = SIGNED) {
  const alerts = [];
  const dom = new JSDOM(readFileSync(join(dir, name), 'utf8'), {
    url,
    runScripts: 'dangerously',
    beforeParse(window) {
      window.alert = (message) => alerts.push(String(message));
    },
  });
  const { document } = dom.window;
  return {
    dom,
    alerts,
    document,
    // Rows built by the script in the groups a reader can see.
    visible: () => [...document.querySelectorAll('details.group')].filter((g) => !g.hidden && g.open)
      .flatMap((g) => [...g.querySelectorAll('table.findings-table tbody tr')]),
    groups: () => [...document.querySelectorAll('details.group')],
    shown: () => document.getElementById('shown').textContent,
    // The data decoded through its string table, in the order of the groups' rows.
    data: () => {
      const { fields, strings, rows } = JSON.parse(document.getElementById('lg-finding-data').textContent);
      return rows.map((row) => Object.fromEntries(fields.map((f, i) => [f, i === 0 ? row[0] : strings[row[i]]])));
    },
    openAll() {
      for (const group of document.querySelectorAll('details.group')) {
        group.open = true;
        group.dispatchEvent(new dom.window.Event('toggle'));
      }
    },
    set(id, value) {
      const control = document.getElementById(id);
      control.value = value;
      control.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
    },
  };
}

const settle = (ms = 200) => new Promise((resolve) => setTimeout(resolve, ms));

// In the order the groups show them: group by group, each worst first.
const inGroupOrder = (report, entries) => report.groups().flatMap((g) => entries.filter((e) => e.rule === g.dataset.rule));

test('the script shows the filter form, and an opened group builds its rows from the data', () => {
  const report = open('typical.html');
  assert.equal(report.document.getElementById('filters').hidden, false);
  assert.equal(report.visible().length, 0, 'groups start collapsed, with no row built');
  assert.equal(report.shown(), '6 findings');
  report.openAll();
  assert.equal(report.visible().length, 6);
  assert.deepEqual(report.visible().map((tr) => tr.dataset.id), inGroupOrder(report, report.data()).map((e) => e.id));
  const row = report.document.getElementById('finding-LG-NET-003-cccc');
  const entry = report.data().find((e) => e.id === 'LG-NET-003-cccc');
  assert.equal(row.querySelector('td.f-resource span.arn').textContent, entry.resourceArn);
  assert.equal(row.querySelector('td.f-owner').textContent, 'team-b');
  assert.equal(row.querySelector('div.detail').textContent, 'subnet-9 routes to igw-2');
  assert.equal(row.querySelectorAll('div.detail wbr').length, 2, 'line-break opportunities as on the server');
});

test('each select narrows the groups and their rows to the matching data entries', async () => {
  const report = open('typical.html');
  const cases = [
    ['f-severity', 'MEDIUM', (e) => e.severity === 'MEDIUM'],
    ['f-family', 'OPERATIONS', (e) => e.family === 'OPERATIONS'],
    ['f-account', '222222222222', (e) => e.account === '222222222222'],
    ['f-status', 'SUPPRESSED', (e) => e.status === 'SUPPRESSED'],
    ['f-rule', 'LG-NET-003', (e) => e.rule === 'LG-NET-003'],
    ['f-region', 'us-east-1', (e) => e.region === 'us-east-1'],
    ['f-owner', 'team-a', (e) => e.owner === 'team-a'],
  ];
  for (const [id, value, matches] of cases) {
    report.document.getElementById('filters').reset();
    await settle(10);
    report.set(id, value);
    await settle(10);
    const expected = inGroupOrder(report, report.data().filter(matches)).map((e) => e.id);
    assert.ok(expected.length > 0 && expected.length < 6, `${id}=${value} picks some rows`);
    assert.deepEqual(report.visible().map((tr) => tr.dataset.id), expected, `${id}=${value}: few matches open their groups`);
    assert.deepEqual(report.groups().filter((g) => !g.hidden).map((g) => g.dataset.rule),
      [...new Set(expected.map((fid) => report.data().find((e) => e.id === fid).rule))], `${id}=${value}: groups without a match hide`);
    assert.equal(report.shown(), `${expected.length} of 6 findings shown`);
  }
});

test('filters combine, free text matches every word in any case, and Clear restores all groups', async () => {
  const report = open('typical.html');
  report.set('f-family', 'NETWORK');
  report.set('f-text', 'IGW-2  other');
  await settle();
  assert.deepEqual(report.visible().map((tr) => tr.dataset.id), ['LG-NET-003-cccc']);
  assert.equal(report.document.querySelector('#group-LG-NET-003 .match').textContent, '1 of 2 shown');

  report.set('f-text', 'no such thing');
  await settle();
  assert.equal(report.visible().length, 0);
  assert.equal(report.shown(), '0 of 6 findings shown');

  report.document.getElementById('filters').reset();
  await settle();
  assert.ok(report.groups().every((g) => !g.hidden));
  report.openAll();
  assert.equal(report.visible().length, 6);
  assert.equal(report.shown(), '6 findings');
});

test('hostile values never run, show escaped as on the server, and can be searched as text', async () => {
  const report = open('hostile.html');
  assert.deepEqual(report.alerts, []);
  report.openAll();
  assert.equal(report.document.querySelectorAll('img').length, 0);
  assert.equal(report.visible().length, 16);
  report.set('f-text', '<script>alert(1)</script>');
  await settle();
  assert.ok(report.visible().length >= 1);
  assert.ok(report.visible().every((tr) => tr.textContent.includes('<script>alert(1)</script>')));
  assert.deepEqual(report.alerts, []);
  // Found by the character itself, shown escaped.
  report.set('f-text', '\u202e');
  await settle();
  assert.deepEqual(report.visible().map((tr) => tr.querySelector('div.detail').textContent), ['invoice\\u202Eexe.pdf']);
  assert.equal(report.visible()[0].querySelectorAll('div.warn').length, 1);
});

test('5,000 findings filter in well under a second, and a large group builds its rows a page at a time', async () => {
  const report = open('many.html');
  const started = performance.now();
  report.set('f-severity', 'CRITICAL');
  await settle(0);
  const elapsed = performance.now() - started;
  assert.equal(report.shown(), '1000 of 5000 findings shown');
  const group = report.groups().find((g) => !g.hidden);
  group.open = true;
  group.dispatchEvent(new report.dom.window.Event('toggle'));
  assert.equal(group.querySelectorAll('tbody tr').length, 100);
  const more = group.querySelector('button.more');
  assert.equal(more.hidden, false);
  assert.equal(more.textContent, 'Show 25 more (25 not shown)');
  more.click();
  assert.equal(group.querySelectorAll('tbody tr').length, 125, 'the 125 critical findings of one of 8 rules');
  assert.equal(more.hidden, true);
  report.set('f-text', 'fn-4999');
  await settle();
  assert.deepEqual(report.visible().map((tr) => tr.dataset.id), ['LG-X-04999']);
  console.log(`severity filter over 5000 findings in jsdom: ${elapsed.toFixed(0)} ms`);
  assert.ok(elapsed < 1000, `took ${elapsed} ms`);
});

test('the filters are kept in the address, beside its signed query, and a reload shows the same rows', async () => {
  const report = open('typical.html');
  report.set('f-owner', 'team-b');
  report.set('f-text', 'igw');
  await settle();
  assert.deepEqual(report.visible().map((tr) => tr.dataset.id), ['LG-NET-003-cccc']);
  const url = new URL(report.dom.window.location.href);
  assert.equal(url.search, '?X-Amz-Signature=abc');
  assert.equal(url.hash, '#findings?owner=team-b&text=igw');

  const reloaded = open('typical.html', url.href);
  assert.equal(reloaded.document.getElementById('f-owner').value, 'team-b');
  assert.equal(reloaded.document.getElementById('f-text').value, 'igw');
  assert.deepEqual(reloaded.visible().map((tr) => tr.dataset.id), ['LG-NET-003-cccc']);
  assert.equal(reloaded.shown(), '1 of 6 findings shown');

  reloaded.document.getElementById('filters').reset();
  await settle();
  assert.equal(reloaded.dom.window.location.hash, '#findings');
  assert.ok(reloaded.groups().every((g) => !g.hidden));
});

test('an address naming an unknown value or another anchor leaves the groups alone', async () => {
  const unknown = open('typical.html', `${SIGNED}#findings?severity=NOPE`);
  assert.equal(unknown.document.getElementById('f-severity').value, '');
  assert.ok(unknown.groups().every((g) => !g.hidden));
  const anchor = open('typical.html', `${SIGNED}#rule-LG-NET-003`);
  assert.ok(anchor.groups().every((g) => !g.hidden && !g.open));
  assert.equal(anchor.dom.window.location.hash, '#rule-LG-NET-003');
});

test('a fix-first link opens the group of its finding at that row, clearing a filter that hid it', async () => {
  const report = open('typical.html');
  report.set('f-severity', 'LOW');
  await settle();
  const link = report.document.querySelector('#fix-first p.evidence a');
  const id = link.getAttribute('href').substring('#finding-'.length);
  link.click();
  await settle();
  const row = report.document.getElementById(`finding-${id}`);
  assert.ok(row, 'the row is built');
  assert.equal(row.closest('details').open, true);
  assert.equal(report.document.getElementById('f-severity').value, '');
  assert.equal(report.dom.window.location.hash, `#finding-${id}`);

  const direct = open('typical.html', `${SIGNED}#finding-${id}`);
  assert.ok(direct.document.getElementById(`finding-${id}`), 'also when the address names it on load');
});

test('each row says how long its finding has been open, as the rows without script do', () => {
  const report = open('aged.html');
  report.openAll();
  const openFor = Object.fromEntries(report.visible().map((tr) => [tr.dataset.id, tr.querySelector('td.f-age').textContent]));
  assert.deepEqual(openFor, {
    'LG-ACC-001-aaaa': '120 days', 'LG-NET-003-bbbb': '45 days', 'LG-NET-003-cccc': '8 days',
    'LG-RUN-003-dddd': '30 days', 'LG-OPS-003-eeee': 'new', 'LG-OPS-003-ffff': '95 days',
  });
  assert.equal(report.document.querySelector('#finding-LG-OPS-003-eeee td.f-age').getAttribute('data-label'), 'Open for');
  assert.deepEqual(report.data().map((e) => e.ageDays).sort(), ['0', '120', '30', '45', '8', '95']);
});

test('"open for more than N days" keeps older findings only, combines with the other filters and the address', async () => {
  const report = open('aged.html');
  const ids = (days) => inGroupOrder(report, report.data().filter((e) => Number(e.ageDays) > days)).map((e) => e.id);
  for (const [days, count] of [['7', 5], ['30', 3], ['90', 2], ['180', 0]]) {
    report.set('f-age', days);
    await settle(10);
    assert.equal(ids(Number(days)).length, count, `more than ${days} days`);
    assert.deepEqual(report.visible().map((tr) => tr.dataset.id), ids(Number(days)), `more than ${days} days`);
    assert.equal(report.shown(), `${count} of 6 findings shown`);
  }

  report.set('f-age', '30');
  report.set('f-status', 'FAIL');
  await settle();
  assert.deepEqual(report.visible().map((tr) => tr.dataset.id), ['LG-ACC-001-aaaa', 'LG-NET-003-bbbb'],
    'the suppressed 95-day finding and the 30-day one (not more than 30) are left out');
  assert.equal(report.document.querySelector('#group-LG-NET-003 .match').textContent, '1 of 2 shown');
  assert.equal(report.document.getElementById('group-LG-OPS-003').hidden, true);
  assert.equal(report.shown(), '2 of 6 findings shown');
  assert.equal(new URL(report.dom.window.location.href).hash, '#findings?status=FAIL&age=30');

  const reloaded = open('aged.html', report.dom.window.location.href);
  assert.equal(reloaded.document.getElementById('f-age').value, '30');
  assert.deepEqual(reloaded.visible().map((tr) => tr.dataset.id), ['LG-ACC-001-aaaa', 'LG-NET-003-bbbb']);

  reloaded.set('f-severity', 'MEDIUM');
  reloaded.set('f-age', '7');
  await settle();
  assert.deepEqual(reloaded.visible().map((tr) => tr.dataset.id), ['LG-NET-003-bbbb', 'LG-NET-003-cccc']);

  // A fix-first link to a finding the age filter hides clears it.
  reloaded.set('f-age', '180');
  await settle();
  reloaded.document.querySelector('#fix-first p.evidence a').click();
  await settle();
  assert.equal(reloaded.document.getElementById('f-age').value, '');

  reloaded.document.getElementById('filters').reset();
  await settle();
  assert.equal(reloaded.shown(), '6 findings');
  assert.equal(reloaded.dom.window.location.hash, '#findings');
});
