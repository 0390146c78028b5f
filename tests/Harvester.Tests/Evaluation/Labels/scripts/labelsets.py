#!/usr/bin/env python3
"""Scores over many label sets at once (docs/adding-a-topic.md, "Measuring a vocabulary").

  python3 labelsets.py run OUTDIR HARVESTER_DLL [FIRST LAST]
      `evaluate --all-disagreements` over every label set (the development labels, the ICTRP sets,
      reconstructed*), second annotator included, one OUTDIR/<set>.txt each; prints the sums.
  python3 labelsets.py sum OUTDIR [--sets FILE [--half tune|check]] [--against OUTDIR2]
      the normaliser's sums over the sets named in FILE (one name a line, as OUTDIR's file names:
      dev, ictrp, reconstructed, r2, r3 ...; or a split such as ../tuning-split-181.txt with
      --half), beside OUTDIR2's for the same sets.
  python3 labelsets.py agree OUTDIR [--from N] [--sets FILE [--half tune|check]]
      over sets from N (or those FILE names, as for sum) with a second annotator: the second
      annotator against the first, and the normaliser against the first.
  python3 labelsets.py unseen FIRST LAST
      the scores each set's NOTES.md reports at the vocabulary it arrived at, pooled.

HARVESTER_DLL: `dotnet build Harvester -c Release -o /tmp/h` makes /tmp/h/trialevidence-harvester.dll.
The shared material is ../shared beside the repository, or $TRIALEVIDENCE_SHARED.
"""
import concurrent.futures, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = os.path.dirname(HERE)
EVALUATION = os.path.dirname(LABELS)
REPO = os.path.abspath(os.path.join(EVALUATION, '..', '..', '..'))
SHARED = os.environ.get('TRIALEVIDENCE_SHARED') or os.path.join(os.path.dirname(REPO), 'shared')
ITEM = re.compile(r'^(\w+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+[\d.]+\s+[\d.]+\s+[\d.]+$')
TRIAL = re.compile(r'^(\w+)\s+(\d+)\s+(\d+)\s+(\d+)\s+[\d.]+\s+[\d.]+\s+(\d+)$')


def jobs(first=None, last=None):
    found = []
    if first is None:
        found.append(('dev', ['--labels', LABELS, os.path.join(SHARED, 'ctgov')]))
        xml = os.path.join(SHARED, 'registries', 'ictrp', 'ICTRP-Results_18Mar2020_part1.xml')
        found += [(s, ['--labels', os.path.join(LABELS, s), xml]) for s in ('ictrp', 'ictrp-2', 'ictrp-3')]
        found.append(('reconstructed', ['--labels', os.path.join(LABELS, 'reconstructed'), os.path.join(EVALUATION, 'Reconstructed')]))
    numbers = sorted(int(d.split('-')[1]) for d in os.listdir(LABELS) if re.fullmatch(r'reconstructed-\d+', d))
    for n in numbers:
        if first is not None and not first <= n <= last:
            continue
        labels = os.path.join(LABELS, f'reconstructed-{n}')
        args = ['--labels', labels, os.path.join(EVALUATION, f'Reconstructed-{n}')]
        if os.path.isdir(os.path.join(labels, 'second-annotator')):
            args += ['--second-labels', os.path.join(labels, 'second-annotator')]
        found.append((f'r{n}', args))
    return found


def parse(text):
    """The normaliser's (or, after 'Second annotator', the second annotator's) counts: {field: [labelled, predicted, correct]}."""
    counts, section = {}, None
    for line in text.splitlines():
        if line.startswith('field             items'):
            section = 'item'
            continue
        if line.startswith('field             labelled'):
            section = 'trial'
            continue
        match = (ITEM if section == 'item' else TRIAL).match(line) if section else None
        if match:
            values = [int(match[i]) for i in ((3, 4, 5) if section == 'item' else (2, 3, 4))]
            total = counts.setdefault(f'{section} {match[1]}', [0, 0, 0])
            for i in range(3):
                total[i] += values[i]
    return counts


def total(outdir, names, second=False):
    sums = {}
    for name in names:
        text = open(os.path.join(outdir, f'{name}.txt'), encoding='utf-8').read()
        parts = text.split('Second annotator', 1)
        if second and len(parts) < 2:
            continue
        for field, values in parse(parts[1] if second else parts[0]).items():
            target = sums.setdefault(field, [0, 0, 0])
            for i in range(3):
                target[i] += values[i]
    return sums


def figure(values):
    labelled, predicted, correct = values
    return f'{correct / predicted if predicted else 1:.3f} / {correct / labelled if labelled else 1:.3f} (L{labelled} P{predicted} C{correct})'


def run(outdir, dll, first=None, last=None):
    os.makedirs(outdir, exist_ok=True)
    todo = jobs(first, last)

    def one(job):
        name, args = job
        done = subprocess.run(['dotnet', dll, 'evaluate', '--all-disagreements'] + args, capture_output=True, text=True)
        with open(os.path.join(outdir, f'{name}.txt'), 'w', encoding='utf-8') as out:
            out.write(done.stdout + done.stderr)

    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        list(pool.map(one, todo))
    print(f'{len(todo)} sets')
    for field, values in total(outdir, [n for n, _ in todo]).items():
        print(f'{field:22} {figure(values)}')


def unseen(first, last):
    items, trials = {}, {}
    names = {'agent': 'item agent', 'target': 'item target', 'RT modality': 'item rt_modality', 'endpoint class': 'item endpoint_class'}
    count = 0
    for n in range(first, last + 1):
        path = os.path.join(LABELS, f'reconstructed-{n}', 'NOTES.md')
        if not os.path.exists(path):
            continue
        count += 1
        notes = open(path, encoding='utf-8').read()
        scored = re.search(r'## Scored once.*?(?=\n## |\Z)', notes, re.S)
        section = scored.group(0) if scored else notes
        flat = re.sub(r'\s+', ' ', section)
        found = False
        for words, field in names.items():
            match = re.search(r'(?<![\w ]class )\b' + words + r' (\d+)/(\d+)/(\d+)', flat)
            if match:
                found = True
                add(items, field, match)
        if not found:
            for match in re.finditer(r'^\| (agent|target|RT modality|endpoint class) \| (\d+) \| (\d+) \| (\d+) \|', section, re.M):
                add(items, names[match[1]], match, 2)
        for match in re.finditer(r'^\| (rt|rt_modality|ici|agents|targets) \| (\d+) \| (\d+) \| (\d+) \|', section, re.M):
            add(trials, f'trial {match[1]}', match, 2)
    print(f'{count} sets {first}-{last}, each at the vocabulary it arrived at')
    for field, values in list(items.items()) + list(trials.items()):
        print(f'{field:22} {figure(values)}')


def add(sums, field, match, first_group=1):
    target = sums.setdefault(field, [0, 0, 0])
    for i in range(3):
        target[i] += int(match[first_group + i])


def sets(path, half=None):
    """The set names of a file: one a line, or a split's "tune: ..." and "check: ..." lines (Labels/tuning-split-181.txt) with --half."""
    lines = [line for line in open(path, encoding='utf-8').read().splitlines() if line and not line.startswith('#')]
    if half is None:
        return [name for line in lines for name in line.split()]
    listed = next(line.split(':', 1)[1] for line in lines if line.startswith(half + ':'))
    names = []
    for name in (n.strip() for n in listed.split(',')):
        match = re.fullmatch(r'reconstructed-(\d+)', name)
        names.append(f'r{match[1]}' if match else 'dev' if name.startswith('development') else name)
    return names


def main(argv):
    if len(argv) >= 3 and argv[0] == 'run':
        run(argv[1], argv[2], *(int(a) for a in argv[3:5]))
    elif len(argv) >= 2 and argv[0] == 'sum':
        options = dict(zip(argv[2::2], argv[3::2]))
        names = sets(options['--sets'], options.get('--half')) if '--sets' in options else [f[:-4] for f in sorted(os.listdir(argv[1])) if f.endswith('.txt')]
        mine, theirs = total(argv[1], names), total(options['--against'], names) if '--against' in options else None
        print(f'{len(names)} sets')
        for field, values in mine.items():
            print(f'{field:22} {figure(values)}' + (f'  <- {figure(theirs[field])}' if theirs else ''))
    elif len(argv) >= 2 and argv[0] == 'agree':
        options = dict(zip(argv[2::2], argv[3::2]))
        start = int(options.get('--from', 0))
        names = [f[:-4] for f in os.listdir(argv[1]) if re.fullmatch(r'r\d+\.txt', f) and int(f[1:-4]) >= start]
        if '--sets' in options:
            listed = set(sets(options['--sets'], options.get('--half')))
            names = [n for n in names if n in listed]
        second = total(argv[1], names, second=True)
        with_second = [n for n in names if 'Second annotator' in open(os.path.join(argv[1], f'{n}.txt'), encoding='utf-8').read()]
        normaliser = total(argv[1], with_second)
        among = f"of {options['--sets']}" + (f" ({options['--half']} half)" if '--half' in options else '') if '--sets' in options else f'from set {start}'
        print(f'{len(with_second)} sets with a second annotator, {among}: second annotator against the first | normaliser against the first')
        for field, values in second.items():
            print(f'{field:22} {figure(values):32} | {figure(normaliser[field])}')
    elif len(argv) == 3 and argv[0] == 'unseen':
        unseen(int(argv[1]), int(argv[2]))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
