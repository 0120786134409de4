#!/usr/bin/env python3
"""Runs every ```sql block of docs/postgres.md (and README.md) in a throwaway
server: the worked session first (it makes tx, summary and fit from the CDNOW
log), then every block in page order.  A one-line statement ending in
`-- <value>` must print that value (numbers to 1e-9 relative; the rest of the
comment is prose).  Any error fails.

usage: docs_examples.py PG_BINDIR REPO_DIR WORK_DIR"""
import os, re, subprocess, sys

bindir, repo, work = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
refdata = os.path.join(repo, "tests/data/refdata")

def blocks(path):
    text = open(os.path.join(repo, path)).read()
    return re.findall(r"```sql\n(.*?)```", text, flags=re.S)

docs = [(p, b) for p in ("docs/postgres.md", "README.md") for b in blocks(p)]
session = [b for p, b in docs if "CREATE TABLE tx" in b]
if len(session) != 1:
    sys.exit("docs/postgres.md must have one worked session creating tx")
ordered = session + [b for p, b in docs if b is not session[0]]

expect = re.compile(r"^(SELECT .*;)\s*--\s*(-?[0-9][0-9.]*|[a-z_]+)(?=\s|$)")
script, checks = ["CREATE EXTENSION clvkit;", "\\pset format unaligned",
                  "\\pset tuples_only on"], []
for block in ordered:
    block = block.replace("/path/to/btyd_cdnowElog.csv",
                          os.path.join(refdata, "btyd_cdnowElog.csv"))
    for line in block.splitlines():
        m = expect.match(line)
        if m:
            script.append("\\echo @@%d" % len(checks))
            checks.append((m.group(1), m.group(2)))
            script.append(m.group(1))
        else:
            script.append(line)
os.makedirs(work, exist_ok=True)
sql = os.path.join(work, "docs_examples.sql")
open(sql, "w").write("\n".join(script) + "\n")
os.chmod(work, 0o777)
os.chmod(sql, 0o644)
run = subprocess.run([os.path.join(repo, "postgres/throwaway-psql"), bindir, sql],
                     capture_output=True, text=True)
if run.returncode != 0:
    sys.exit("psql failed:\n" + run.stdout[-3000:] + run.stderr[-3000:])
lines = run.stdout.splitlines()
failed = 0
for i, (stmt, want) in enumerate(checks):
    got = lines[lines.index("@@%d" % i) + 1].strip()
    try:
        ok = abs(float(got) - float(want)) <= 1e-9 * max(1.0, abs(float(want)))
    except ValueError:
        ok = got == want
    if not ok:
        failed += 1
        print("FAIL %s\n  got %s, the docs say %s" % (stmt, got, want))
print("%d documented results checked, %d failed" % (len(checks), failed))
sys.exit(1 if failed or not checks else 0)
