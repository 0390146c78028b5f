// Changes across trials: the filters -> /api/changes, grouped by trial and registry version.
import { element, link, changeFields, formParams, problemText, showStatus, when } from '/common.js';

const form = document.getElementById('change-filters');
const list = document.getElementById('change-list');
const more = document.getElementById('more');
let shown = 0;
let cursor = null;

function render(page) {
  let group = null;
  let key = null;
  for (const change of page.changes) {
    if (`${change.nctId} ${change.toVersion}` !== key) {
      key = `${change.nctId} ${change.toVersion}`;
      group = element('article', undefined, 'change-group');
      const heading = element('h2');
      heading.append(link(`/trials/${encodeURIComponent(change.nctId)}`, change.nctId), ` ${page.trials[change.nctId] ?? ''}`);
      group.append(heading, element('p', `Registry update posted ${change.registryDate ?? 'on an unknown date'}; stored ${when(change.observedAt)}`, 'version'));
      group.append(element('ul'));
      list.append(group);
    }
    const item = element('li');
    item.dataset.order = String(changeFields.indexOf(change.field));
    item.append(element('strong', change.field), ': ', element('span', change.old ?? '—', 'old'), ' → ', element('span', change.new ?? '—', 'new'));
    // A version's changes in the order the fields are listed (the feed gives the newest stored first).
    const ul = group.querySelector('ul');
    const after = [...ul.children].find(li => Number(li.dataset.order) > Number(item.dataset.order));
    ul.insertBefore(item, after ?? null);
  }
  shown += page.changes.length;
  cursor = page.nextCursor;
  more.hidden = !cursor;
  document.getElementById('change-count').textContent = `${shown} change${shown === 1 ? '' : 's'}${cursor ? ' (more below)' : ''}`;
}

async function load(next) {
  const params = formParams(form);
  if (!next) {
    history.replaceState(null, '', params.size > 0 ? '?' + params : location.pathname);
    document.getElementById('atom').href = '/api/changes.atom' + (params.size > 0 ? '?' + params : '');
    list.replaceChildren();
    shown = 0;
  } else {
    params.set('cursor', cursor);
  }
  const response = await fetch('/api/changes?' + params);
  const box = document.getElementById('changes-status');
  showStatus(box, 'failed', response.ok ? '' : await problemText(response));
  if (!response.ok) return;
  render(await response.json());
  if (shown === 0) list.append(element('p', 'No changes match.'));
}

async function setUp() {
  const topics = await fetch('/api/topics').then(r => (r.ok ? r.json() : []));
  form.elements.topic.append(...topics.map(t => new Option(t.name, t.name)));
  form.elements.field.append(...changeFields.map(f => new Option(f, f)));
  const params = new URLSearchParams(location.search);
  for (const [name, value] of params) {
    if (form.elements[name]) form.elements[name].value = value;
  }
  if (!params.has('since') && !params.has('ids')) {
    form.elements.since.value = new Date(Date.now() - 30 * 86400000).toISOString().slice(0, 10); // the last 30 days
  }
}

form.addEventListener('submit', event => { event.preventDefault(); load(false); });
more.addEventListener('click', () => load(true));
setUp().then(() => load(false));
