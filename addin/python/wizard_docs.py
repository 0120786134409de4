"""Writes the Function Wizard's texts into docs/calc.md and docs/calc.nl.md,
as a headless Calc with the add-in shows them (English and Dutch UI): each
`### FUNCTION` section's signature line, description and argument table.
test_wizard.py requires the docs to repeat the wizard word for word; run
this after changing a text in addin/src/*table*.hxx and review the diff.

usage: /usr/bin/python3 addin/python/wizard_docs.py build/addin/oxt WORKDIR DOCS_DIR
"""
import os
import sys

from office import Office

# A last argument Calc repeats (sequence<any> in the IDL).
REPEATED = {"FUNNEL_BUDGET"}


def wizard(oxt_dir, workdir, lang):
    with Office(oxt_dir, os.path.join(workdir, lang), ui_locale=lang) as office:
        fd = office.create("com.sun.star.sheet.FunctionDescriptions")
        out = {}
        for i in range(fd.getCount()):
            d = {p.Name: p.Value for p in fd.getByIndex(i)}
            out[d["Name"]] = (d["Description"],
                              [(a.Name, a.Description, a.IsOptional) for a in d.get("Arguments") or ()])
        return out


def signature(name, args):
    required = [a for a, _, optional in args if not optional]
    optional = [a for a, _, opt in args if opt]
    text = "; ".join(required)
    if name in REPEATED:
        return "`%s(%s [; %s; ...])`" % (name, text, "; ".join(optional))
    tail = "".join(" [; %s" % a for a in optional) + "]" * len(optional)
    return "`%s(%s%s)`" % (name, text, tail)


def rewrite(path, texts):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out, i = [], 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        name = line[4:].strip() if line.startswith("### ") else None
        if name not in texts:
            continue
        description, args = texts[name]
        # blank, signature, blank, description, blank, table head (2 lines), rows
        assert lines[i + 1].startswith("`" + name + "("), (path, name)
        out += ["", signature(name, args), "", description, "", lines[i + 5], lines[i + 6]]
        out += ["| `%s` | %s |" % (a, text) for a, text, _ in args]
        i += 7
        while lines[i].startswith("| `"):
            i += 1
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def main(oxt_dir, workdir, docs_dir):
    for lang, doc in (("en", "calc.md"), ("nl", "calc.nl.md")):
        rewrite(os.path.join(docs_dir, doc), wizard(oxt_dir, workdir, lang))


if __name__ == "__main__":
    main(*sys.argv[1:])
