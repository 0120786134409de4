"""The install of README.md on accounts that have never started LibreOffice,
each a brand-new Unix user made for the case and deleted after it:

1. readme: the user runs README.md's install block literally (the lines of
   the ```sh block after the "install for one user" comment) in a copy of
   the checkout's build/addin/clvkit.oxt; then LibreOffice starts as that
   user, with its own default profile and nothing about the add-in on its
   command line, and =CLV(50;12;3) gives 1800.  `unopkg remove` takes the
   functions away again (#NAME?).
2. use-first: the route of a user who has used LibreOffice before: it
   starts, then `unopkg add`, then =CLV(50;12;3) gives 1800.
3. shared: an administrator's `unopkg add --shared`; a new user's first
   start computes 1800.  The shared layer is moved to a directory of this
   test (-env:UNO_SHARED_PACKAGES_CACHE, for unopkg and soffice alike) so
   that other LibreOffice processes of this machine never see it.
4. bare-unopkg: the cause, kept in view: `unopkg add` alone on a fresh
   account, then LibreOffice's first start, leaves the extension switched
   off ("is registered: no", #NAME?).  If a LibreOffice version stops doing
   this, this case fails and the docs' explanation must change.

Creating users needs root or `sudo -n`; without, the test exits 77 (CTest:
skipped) and says so.

usage: /usr/bin/python3 test_fresh_account.py OXT_DIR WORKDIR OXT_FILE README
"""
import os
import re
import shutil
import sys
import tempfile

from accounts import Account, AccountOffice, can_create_users, run_process
from office import PROGRAM_DIR, Report, cell_result, file_url

ERR_NAME = 525  # #NAME?: Calc does not know the function


def readme_install_lines(readme):
    """The commands of README.md's one-user install block."""
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"<!-- install for one user[^>]*-->\s*```sh\n(.*?)```", text, re.S)
    if not m:
        raise SystemExit("README.md has no install block after "
                         "'<!-- install for one user ...-->'")
    return [line for line in m.group(1).splitlines() if line.strip()]


def clv_on_first_start(account, extra_env=()):
    """=CLV(50;12;3) in a new sheet of LibreOffice started as the account."""
    with AccountOffice(account, extra_env) as office:
        doc = office.new_sheet()
        cell = doc.Sheets.getByIndex(0).getCellByPosition(0, 0)
        cell.setFormula("=CLV(50;12;3)")
        doc.calculate()
        result = cell_result(cell)
        doc.close(True)
    return result


def registered(account, extra=()):
    code, out = account.run([os.path.join(PROGRAM_DIR, "unopkg"), "list"] + list(extra))
    return "org.clvkit.calc" in out and "is registered: yes" in out, out


def case_readme(report, oxt, lines):
    account = Account()
    try:
        report.check("readme: the account has never started LibreOffice",
                     not account.profile_exists())
        checkout = os.path.join(account.home, "clvkit")
        account.give(oxt, "clvkit/build/addin/clvkit.oxt")
        for line in lines:
            code, out = account.run(["bash", "-c", line], cwd=checkout)
            report.check("readme: `%s`" % line, code == 0, out)
        result = clv_on_first_start(account)
        report.expect("readme: =CLV(50;12;3) on the first start", result, 1800)
        ok, out = registered(account)
        report.check("readme: still registered after the first start", ok, out)
        code, out = account.run([os.path.join(PROGRAM_DIR, "unopkg"), "remove",
                                 "org.clvkit.calc"])
        report.check("readme: unopkg remove", code == 0, out)
        report.expect("readme: removed, =CLV is unknown", clv_on_first_start(account),
                      ("error", ERR_NAME))
    finally:
        report.check("readme: account removed", account.remove())


def case_use_first(report, oxt):
    account = Account()
    try:
        path = account.give(oxt, "clvkit.oxt")
        report.expect("use-first: before the add, =CLV is unknown",
                      clv_on_first_start(account), ("error", ERR_NAME))
        code, out = account.run([os.path.join(PROGRAM_DIR, "unopkg"), "add", path])
        report.check("use-first: unopkg add", code == 0, out)
        report.expect("use-first: =CLV(50;12;3)", clv_on_first_start(account), 1800)
    finally:
        report.check("use-first: account removed", account.remove())


def case_shared(report, oxt):
    shared = tempfile.mkdtemp(prefix="clvkit-shared-")
    os.chmod(shared, 0o755)
    env = ["-env:UNO_SHARED_PACKAGES_CACHE=" + file_url(os.path.join(shared, "cache"))]
    admin_home = os.path.join(shared, "admin")
    os.makedirs(admin_home)
    account = None
    try:
        code, out = run_process([os.path.join(PROGRAM_DIR, "unopkg"), "add", "--shared"]
                                + env + [oxt], env=dict(os.environ, HOME=admin_home))
        report.check("shared: unopkg add --shared (as root)", code == 0, out)
        for root, dirs, files in os.walk(shared):  # as an installed tree: readable
            for name in dirs + files:
                os.chmod(os.path.join(root, name), 0o755)
        account = Account()
        report.expect("shared: a new user's first start, =CLV(50;12;3)",
                      clv_on_first_start(account, env), 1800)
    finally:
        if account:
            report.check("shared: account removed", account.remove())
        shutil.rmtree(shared, ignore_errors=True)


def case_bare_unopkg(report, oxt):
    account = Account()
    try:
        path = account.give(oxt, "clvkit.oxt")
        code, out = account.run([os.path.join(PROGRAM_DIR, "unopkg"), "add", path])
        report.check("bare-unopkg: unopkg add exits 0", code == 0, out)
        ok, out = registered(account)
        report.check("bare-unopkg: registered before the first start", ok, out)
        report.expect("bare-unopkg: LibreOffice's first start switches it off (#NAME?)",
                      clv_on_first_start(account), ("error", ERR_NAME))
        ok, out = registered(account)
        report.check("bare-unopkg: is registered: no afterwards", not ok, out)
        report.check("bare-unopkg: the first start wrote user/extensions/buildid",
                     os.path.exists(os.path.join(account.home, ".config/libreoffice/4/user/"
                                                 "extensions/buildid")))
        # the repair the docs give: add it again, now that the profile exists
        code, out = account.run([os.path.join(PROGRAM_DIR, "unopkg"), "add", "-f", path])
        report.check("bare-unopkg: unopkg add -f repairs", code == 0, out)
        report.expect("bare-unopkg: after the repair, =CLV(50;12;3)",
                      clv_on_first_start(account), 1800)
    finally:
        report.check("bare-unopkg: account removed", account.remove())


def main(oxt_dir, workdir, oxt, readme):
    if not can_create_users():
        print("SKIPPED: making a fresh account needs root or sudo -n (useradd)")
        raise SystemExit(77)
    report = Report("fresh_account")
    lines = readme_install_lines(readme)
    report.check("README's install block ends with unopkg add build/addin/clvkit.oxt",
                 lines and lines[-1] == "unopkg add build/addin/clvkit.oxt", str(lines))
    case_readme(report, oxt, lines)
    case_use_first(report, oxt)
    case_shared(report, oxt)
    case_bare_unopkg(report, oxt)
    report.finish()


if __name__ == "__main__":
    main(*sys.argv[1:5])
