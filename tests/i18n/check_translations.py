#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 ClusterDeck developers
# SPDX-License-Identifier: Apache-2.0
"""The checked-in translations are complete and current.

Runs lupdate, with the build's own project (every file the console's tr() calls live in) and options, into
temporary copies of translations/clusterdeck_de.ts and clusterdeck_en.ts, and fails when:
  - lupdate would change either file (a new string, a changed string, one that vanished);
  - an entry of the German file is unfinished, obsolete or vanished, or has an empty form;
  - an English entry (plural forms only) is unfinished or lacks its two forms;
  - a translation drops or adds a placeholder (%1, %2, ..., %n) of its source;
  - a known string from core/ is missing (lupdate was not given core's sources: qt64-notes.md).
The checked-in files are never written.

Usage: check_translations.py LUPDATE GENERATE_PROJECT_CMAKE PROJECT_CMAKE SOURCE_DIR BUILD_DIR
"""
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

LUPDATE_OPTIONS = ['-no-obsolete', '-locations', 'none']  # as app/console/CMakeLists.txt
CORE_PROBE = ('cdeck::ClusterSpec', "Workers must be between 1 and %1 for %2 (this machine's memory).")


def placeholders(text):
    # %L1 is %1 in the locale's number format ("403,1 KiB" in German): the same placeholder.
    return sorted(set(re.findall(r'%L?(\d+|n)', text or '')))


def main():
    lupdate, generate, project_cmake, source_dir, build_dir = sys.argv[1:6]
    ts_de = os.path.join(source_dir, 'translations', 'clusterdeck_de.ts')
    ts_en = os.path.join(source_dir, 'translations', 'clusterdeck_en.ts')
    how = ('Update the .ts files and translate what is new:\n'
           f'    cmake --build {build_dir} --target update_translations\n'
           '    linguist translations/clusterdeck_de.ts translations/clusterdeck_en.ts\n'
           'In Linguist, translate every entry marked unfinished ("?"), mark it done (Ctrl+Return) and save;\n'
           '(or edit the XML: fill <translation>, one <numerusform> per plural form, and drop type="unfinished").\n'
           'clusterdeck_en.ts holds only plural forms: "%n day(s)" becomes "%n day" and "%n days".\n'
           'Commit both files. Plurals are tr("%n day(s)", nullptr, n), never built by hand.')
    problems = []
    with tempfile.TemporaryDirectory(prefix='clusterdeck-i18n-') as tmp:
        project_json = os.path.join(tmp, 'project.json')
        subprocess.run(['cmake', f'-DIN_FILE={project_cmake}', f'-DOUT_FILE={project_json}', '-P', generate],
                       check=True)
        for ts, extra in ((ts_de, []), (ts_en, ['-pluralonly'])):
            copy = os.path.join(tmp, os.path.basename(ts))
            shutil.copyfile(ts, copy)
            run = subprocess.run([lupdate, '-project', project_json, '-ts', copy, *extra, *LUPDATE_OPTIONS],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                print(run.stdout, run.stderr)
                problems.append(f'lupdate failed on {os.path.basename(ts)}')
                continue
            # What lupdate would change, with obsolete entries kept so that a vanished string is named.
            kept = os.path.join(tmp, 'kept-' + os.path.basename(ts))
            shutil.copyfile(ts, kept)
            subprocess.run([lupdate, '-project', project_json, '-ts', kept, *extra, '-locations', 'none'],
                           capture_output=True, text=True, check=True)
            before = open(ts, encoding='utf-8').read()
            after = open(copy, encoding='utf-8').read()
            if before != after:
                diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), 'checked in',
                                                 'after lupdate', lineterm='', n=1))
                problems.append(f'{os.path.basename(ts)} is not current: lupdate changes it\n'
                                + '\n'.join(diff[:80]) + ('\n...' if len(diff) > 80 else ''))
            root = ET.parse(kept).getroot()
            for context in root.iter('context'):
                name = context.findtext('name')
                for message in context.iter('message'):
                    source = message.findtext('source')
                    where = f'{os.path.basename(ts)}: [{name}] "{source}"'
                    translation = message.find('translation')
                    kind = translation.get('type')
                    if kind in ('unfinished', 'obsolete', 'vanished'):
                        problems.append(f'{where} is {kind}')
                        continue
                    forms = [f.text or '' for f in translation.iter('numerusform')]
                    if message.get('numerus') == 'yes':
                        if len(forms) != 2 or not all(forms):
                            problems.append(f'{where} needs two plural forms, has {forms}')
                        texts = forms
                    else:
                        texts = [translation.text or '']
                        if not texts[0]:
                            problems.append(f'{where} has an empty translation')
                    for text in texts:
                        if placeholders(text) != placeholders(source):
                            problems.append(f'{where}: the translation "{text}" has placeholders '
                                            f'{placeholders(text)}, the source {placeholders(source)}')
            if ts == ts_de:
                probe = [m for c in root.iter('context') if c.findtext('name') == CORE_PROBE[0]
                         for m in c.iter('message') if m.findtext('source') == CORE_PROBE[1]]
                if not probe:
                    problems.append(f'clusterdeck_de.ts lacks [{CORE_PROBE[0]}] "{CORE_PROBE[1]}" from core/: '
                                    'lupdate was not given core/model/clusterspec.cpp (app/console/CMakeLists.txt)')
    if problems:
        for p in problems:
            print('FAIL:', p)
        print(f'\n{len(problems)} problem(s) with the translations.\n' + how)
        return 1
    print('translations/clusterdeck_de.ts and clusterdeck_en.ts are complete and current')
    return 0


if __name__ == '__main__':
    sys.exit(main())
