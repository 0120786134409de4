"""A real install of clvkit.oxt with `unopkg add`, the way a user installs it,
into a profile of an unprivileged user (unopkg refuses user installs as
root, so as root the steps run as `nobody` through setpriv).  Then headless
LibreOffice, with nothing on its command line about the add-in, converts a
workbook to CSV and must compute with it; the same conversion in a profile
without the extension must not (#NAME?), so the numbers come from the
install.  Expected: CLV(50;12;3;100) = 1700 and FUNNEL_BUDGET(200;20%;5%) = 2
(the catalogue).

usage: /usr/bin/python3 test_unopkg.py OXT_DIR WORKDIR OXT_FILE
(WORKDIR is not used: the test works in a fresh directory under /tmp that
the unprivileged user can reach, and removes it at the end.)
"""
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile

from office import PROGRAM_DIR, Report, file_url

TIMEOUT = 180

WORKBOOK = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="Sheet1"><table:table-row>
<table:table-cell table:formula="of:=ORG.CLVKIT.CALC.FUNCTIONS.CLV(50;12;3;100)"/>
<table:table-cell table:formula="of:=ORG.CLVKIT.CALC.FUNCTIONS.FUNNELBUDGET(200;0.2;0.05)"/>
</table:table-row></table:table></office:spreadsheet></office:body></office:document>
"""


def as_user():
    """The command prefix that drops root to nobody; nothing when not root."""
    if os.getuid() != 0:
        return [], None
    nobody = pwd.getpwnam("nobody")
    return (["setpriv", "--reuid=%d" % nobody.pw_uid, "--regid=%d" % nobody.pw_gid,
             "--clear-groups"], nobody)


def run(cmd, home):
    """Runs a command in its own process group; kills the group on timeout."""
    env = dict(os.environ, HOME=home)
    proc = subprocess.Popen(cmd, env=env, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        out, _ = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        return 124, out
    return proc.returncode, out


def convert(prefix, home, profile, workbook, outdir):
    """The workbook's first row as CSV, computed by headless LibreOffice."""
    code, out = run(prefix + [os.path.join(PROGRAM_DIR, "soffice"),
                              "-env:UserInstallation=" + file_url(profile),
                              "--headless", "--norestore", "--convert-to", "csv",
                              "--outdir", outdir, workbook], home)
    csv = os.path.join(outdir, "clvkit.csv")
    text = open(csv).read().strip() if os.path.exists(csv) else ""
    return code, text, out


def main(oxt_dir, workdir, oxt):
    # The unprivileged user must reach its files: under /tmp, not under a
    # checkout that may sit in root's private home.
    workdir = tempfile.mkdtemp(prefix="clvkit-unopkg-")
    os.chmod(workdir, 0o755)
    try:
        install_and_use(workdir, oxt)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def install_and_use(workdir, oxt):
    report = Report("unopkg")
    prefix, user = as_user()
    home = workdir
    shutil.copy(oxt, os.path.join(workdir, "clvkit.oxt"))
    workbook = os.path.join(workdir, "clvkit.fods")
    with open(workbook, "w") as f:
        f.write(WORKBOOK)
    if user:  # the unprivileged user owns everything it writes
        for root, dirs, files in os.walk(workdir):
            for name in dirs + files + ["."]:
                os.chown(os.path.join(root, name), user.pw_uid, user.pw_gid)

    # Control: a profile without the extension does not know the functions.
    plain = os.path.join(workdir, "plain")
    os.makedirs(os.path.join(plain, "out"))
    if user:
        os.chown(plain, user.pw_uid, user.pw_gid)
        os.chown(os.path.join(plain, "out"), user.pw_uid, user.pw_gid)
    code, text, out = convert(prefix, home, os.path.join(plain, "profile"), workbook,
                              os.path.join(plain, "out"))
    report.check("without the extension: #NAME?", code == 0 and "#NAME?" in text,
                 "rc %s, csv %r, %s" % (code, text, out))

    profile = os.path.join(workdir, "profile")
    code, out = run(prefix + [os.path.join(PROGRAM_DIR, "soffice"),
                              "-env:UserInstallation=" + file_url(profile),
                              "--headless", "--terminate_after_init"], home)
    report.check("profile created", code == 0 and os.path.isdir(profile), out)
    unopkg = prefix + [os.path.join(PROGRAM_DIR, "unopkg")]
    env_arg = "-env:UserInstallation=" + file_url(profile)
    code, out = run(unopkg + ["add", env_arg, os.path.join(workdir, "clvkit.oxt")], home)
    report.check("unopkg add", code == 0, out)
    code, out = run(unopkg + ["list", env_arg], home)
    report.check("unopkg list shows org.clvkit.calc",
                 code == 0 and "org.clvkit.calc" in out and "is registered: yes" in out, out)

    outdir = os.path.join(workdir, "out")
    os.makedirs(outdir)
    if user:
        os.chown(outdir, user.pw_uid, user.pw_gid)
    code, text, out = convert(prefix, home, profile, workbook, outdir)
    report.check("installed: CLV(50;12;3;100) = 1700, FUNNEL_BUDGET(200;20%;5%) = 2",
                 code == 0 and text == "1700,2", "rc %s, csv %r, %s" % (code, text, out))

    code, out = run(unopkg + ["remove", env_arg, "org.clvkit.calc"], home)
    report.check("unopkg remove", code == 0, out)
    report.finish()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
