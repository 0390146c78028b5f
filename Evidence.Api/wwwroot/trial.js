// A trial's page: its status and enrollment over time (a chart of every enrollment the registry
// showed, the first estimate and the target marked) and every change with its registry date.
const nctId = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '').toUpperCase();
const svgNs = 'http://www.w3.org/2000/svg';
const statusLabels = {
  NOT_YET_RECRUITING: 'Not yet recruiting', RECRUITING: 'Recruiting', ENROLLING_BY_INVITATION: 'Enrolling by invitation',
  ACTIVE_NOT_RECRUITING: 'Active, not recruiting', SUSPENDED: 'Suspended', TERMINATED: 'Terminated', COMPLETED: 'Completed',
  WITHDRAWN: 'Withdrawn', UNKNOWN: 'Unknown status',
};

// "Phase 2", "Phase 1/2", "Not applicable", as the review's tables write them.
function phaseLabel(phases) {
  if (phases.length === 0) return '—';
  if (phases.length === 2 && phases.every(p => p.startsWith('PHASE'))) return `Phase ${phases[0].slice(5)}/${phases[1].slice(5)}`;
  return phases.map(p => (p === 'NA' ? 'Not applicable' : p === 'EARLY_PHASE1' ? 'Early Phase 1' : p.replace('PHASE', 'Phase '))).join('/');
}

function element(name, text, className) {
  const node = document.createElement(name);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function svg(name, attributes, text) {
  const node = document.createElementNS(svgNs, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function fail(text) {
  const box = document.getElementById('trial-status');
  box.className = 'status failed';
  box.textContent = text;
  box.hidden = false;
}

function facts(detail) {
  const record = detail.record;
  const list = document.getElementById('facts');
  const rows = [
    ['Status', statusLabels[record.overallStatus] ?? record.overallStatus],
    ['Phase', phaseLabel(record.phases ?? [])],
    ['Sponsor', record.leadSponsor],
    ['Enrollment', record.enrollmentCount == null ? '—' : `${record.enrollmentCount} (${(record.enrollmentType ?? '').toLowerCase()})`],
    ['Start', record.startDate], ['Primary completion', record.primaryCompletionDate],
    ['Registry version', `${detail.currentVersion.lastUpdatePostedDate ?? ''} (data of ${detail.currentVersion.versionHolder ?? 'unknown date'})`],
  ];
  for (const [term, value] of rows) list.append(element('dt', term), element('dd', value ?? '—'));
  const registry = element('a', 'ClinicalTrials.gov record');
  registry.href = detail.registryUrl;
  registry.rel = 'noopener';
  const history = element('a', 'its version history');
  history.href = detail.registryUrl + '?tab=history';
  history.rel = 'noopener';
  const links = element('dd');
  links.append(registry, ' · ', history);
  list.append(element('dt', 'Registry'), links);
}

// Status from the changes: where it started, then each change with its registry date.
function statusTimeline(record, changes) {
  const steps = changes.filter(c => c.field === 'status').sort((a, b) => (a.registryDate ?? '').localeCompare(b.registryDate ?? ''));
  const list = document.getElementById('status-timeline');
  const first = steps.length > 0 ? steps[0].old : statusLabels[record.overallStatus] ?? record.overallStatus;
  list.append(element('li', `${first} (when first stored)`));
  for (const step of steps) list.append(element('li', `${step.new} (from ${step.registryDate})`));
}

// Enrollment as a step line over registry dates: hollow points are estimates, filled ones actual
// counts; the first estimate and the latest target are labelled, the target as a dashed line.
function enrollmentChart(history, statusChanges) {
  const chart = document.getElementById('enrollment-chart');
  const caption = document.getElementById('enrollment-caption');
  const points = history.filter(p => p.count != null && p.lastUpdatePostedDate);
  if (points.length === 0) {
    caption.textContent = 'The registry gives no enrollment for this trial.';
    chart.remove();
    return;
  }
  const width = 760, height = 260, left = 56, right = 24, top = 20, bottom = 40;
  const time = p => Date.parse(p.lastUpdatePostedDate.length === 7 ? p.lastUpdatePostedDate + '-01' : p.lastUpdatePostedDate);
  const start = time(points[0]);
  const end = Math.max(time(points[points.length - 1]), Date.now());
  const max = Math.max(...points.map(p => p.count)) * 1.15 || 1;
  const x = t => left + (end === start ? 0 : (t - start) / (end - start)) * (width - left - right);
  const y = c => top + (1 - c / max) * (height - top - bottom);

  chart.append(svg('line', { x1: left, y1: y(0), x2: width - right, y2: y(0), class: 'axis' }));
  chart.append(svg('line', { x1: left, y1: top, x2: left, y2: y(0), class: 'axis' }));
  for (const tick of [0, 0.5, 1].map(f => Math.round(max / 1.15 * f))) {
    chart.append(svg('text', { x: left - 8, y: y(tick) + 4, class: 'tick', 'text-anchor': 'end' }, String(tick)));
  }
  for (const t of [start, end]) {
    chart.append(svg('text', { x: x(t), y: height - 14, class: 'tick', 'text-anchor': t === start ? 'start' : 'end' }, new Date(t).toISOString().slice(0, 10)));
  }

  const estimates = points.filter(p => p.type === 'ESTIMATED');
  const target = estimates[estimates.length - 1];
  if (target) {
    chart.append(svg('line', { x1: left, y1: y(target.count), x2: width - right, y2: y(target.count), class: 'target' }));
    chart.append(svg('text', { x: width - right, y: y(target.count) - 6, class: 'label', 'text-anchor': 'end' }, `target ${target.count}`));
  }

  let path = '';
  points.forEach((p, i) => {
    path += i === 0 ? `M ${x(time(p))} ${y(p.count)}` : ` H ${x(time(p))} V ${y(p.count)}`;
  });
  path += ` H ${x(end)}`;
  chart.append(svg('path', { d: path, class: 'enrollment' }));
  for (const p of points) {
    const dot = svg('circle', { cx: x(time(p)), cy: y(p.count), r: 5, class: p.type === 'ACTUAL' ? 'actual' : 'estimated' });
    dot.append(svg('title', {}, `${p.lastUpdatePostedDate}: ${p.count} (${(p.type ?? '').toLowerCase()})`));
    chart.append(dot);
  }
  // Each status change as a marker on the time axis.
  for (const change of statusChanges.filter(c => c.registryDate)) {
    const at = x(Math.min(Math.max(Date.parse(change.registryDate), start), end));
    chart.append(svg('line', { x1: at, y1: top, x2: at, y2: y(0), class: 'status-change' }));
    chart.append(svg('text', { x: at + 4, y: top + 10, class: 'tick' }, change.new ?? ''));
  }
  const first = points[0];
  chart.append(svg('text', { x: x(time(first)) + 8, y: y(first.count) + 20, class: 'label' }, `first estimate ${first.count}`));
  const last = points[points.length - 1];
  if (last.type === 'ACTUAL') {
    chart.append(svg('text', { x: x(time(last)) + 8, y: y(last.count) + 18, class: 'label' }, `actual ${last.count}`));
  }
  caption.textContent = `Enrollment as the registry showed it: first estimate ${first.count} (${first.lastUpdatePostedDate})` +
    (target ? `, target ${target.count} (${target.lastUpdatePostedDate})` : '') +
    (last.type === 'ACTUAL' ? `, actual ${last.count} (${last.lastUpdatePostedDate})` : '') +
    '. Hollow points are estimates, filled points actual counts.';
}

function changeTable(changes) {
  const body = document.querySelector('#changes tbody');
  body.replaceChildren(...changes.map(c => {
    const tr = element('tr');
    tr.append(element('td', c.registryDate), element('td', c.field), element('td', c.old ?? '—', 'old'), element('td', c.new ?? '—', 'new'),
      element('td', `${c.fromVersion} → ${c.toVersion}`, 'version'));
    return tr;
  }));
  document.getElementById('no-changes').hidden = changes.length > 0;
}

async function load() {
  document.getElementById('trial-id').textContent = nctId;
  const [detailResponse, changesResponse] = await Promise.all([
    fetch(`/api/trials/${encodeURIComponent(nctId)}`), fetch(`/api/trials/${encodeURIComponent(nctId)}/changes`)]);
  if (!detailResponse.ok) {
    const problem = await detailResponse.json();
    fail(`${problem.title}: ${problem.detail ?? Object.values(problem.errors ?? {}).flat().join(' ')}`);
    return;
  }
  const detail = await detailResponse.json();
  const changes = changesResponse.ok ? (await changesResponse.json()).changes : [];
  document.title = `TrialEvidence · ${nctId}`;
  document.getElementById('trial-title').textContent = detail.record.briefTitle ?? '';
  facts(detail);
  statusTimeline(detail.record, changes);
  enrollmentChart(detail.enrollmentHistory, changes.filter(c => c.field === 'status'));
  changeTable(changes);
  document.getElementById('trial').hidden = false;
}

load();
