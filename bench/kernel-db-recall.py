#!/usr/bin/env python3
"""Recall of a kernel database (docs/kernel-db.md), measured independently of dovelint's parser.

Lists the exported functions (EXPORT_SYMBOL*) of a kernel tree whose own body calls one of the
kernel's basic sleeping primitives, found by a plain text scan (a function at column 0, its body
up to the closing brace at column 0), and prints how many of them the database says may sleep
(sleeps, or gfp-arg), with the misses, so each can be read.

    bench/kernel-db-recall.py TREE DATABASE [--misses N]
"""
import gzip
import os
import re
import sys

SLEEPERS = ["mutex_lock", "mutex_lock_interruptible", "mutex_lock_killable", "msleep", "msleep_interruptible",
            "ssleep", "usleep_range", "wait_for_completion", "wait_for_completion_timeout",
            "wait_for_completion_interruptible", "down_read", "down_write", "down", "down_interruptible",
            "synchronize_rcu", "synchronize_srcu", "might_sleep", "schedule", "schedule_timeout",
            "flush_work", "cancel_work_sync", "cancel_delayed_work_sync", "flush_workqueue", "kthread_stop",
            "wait_event", "wait_event_interruptible", "wait_event_timeout", "rtnl_lock", "lock_sock",
            "vmalloc", "vzalloc", "copy_from_user", "copy_to_user", "get_user", "put_user", "cond_resched"]
SEPARATE = {"tools", "scripts", "samples", "usr", "Documentation"}
# what kb derive leaves out besides (cli KernelParts): architectures without a Dovetail port, no-MMU code
DOVETAIL_ARCHS = {"x86", "arm", "arm64"}
NOT_DOVETAIL = {"mm/nommu.c"}
CALL = re.compile(r"\b(" + "|".join(SLEEPERS) + r")\s*\(")
DEF = re.compile(r"^(?!static\b)[A-Za-z_][\w \t\*]*?\b([A-Za-z_]\w*)\s*\(([^;{}]*?)\)\s*\n?\{", re.M)
EXPORT = re.compile(r"^EXPORT_SYMBOL(?:_GPL)?(?:_NS(?:_GPL)?)?\(\s*(\w+)", re.M)
COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)


def sources(tree):
    for top in sorted(os.listdir(tree)):
        if top in SEPARATE or not os.path.isdir(os.path.join(tree, top)):
            continue
        for d, dirs, files in os.walk(os.path.join(tree, top)):
            rel = os.path.relpath(d, tree)
            if rel == "arch":
                dirs[:] = sorted(x for x in dirs if x in DOVETAIL_ARCHS)
            dirs[:] = sorted(x for x in dirs if not (x == "boot" and rel.startswith("arch/")))
            for f in sorted(files):
                if f.endswith(".c") and os.path.join(rel, f) not in NOT_DOVETAIL:
                    yield os.path.join(d, f)


def direct_sleepers(tree):
    found = {}
    for path in sources(tree):
        try:
            text = COMMENT.sub(" ", open(path, encoding="utf-8", errors="replace").read())
        except OSError:
            continue
        exported = set(EXPORT.findall(text))
        if not exported:
            continue
        for m in DEF.finditer(text):
            name = m.group(1)
            if name not in exported or name in found:
                continue
            end = text.find("\n}", m.end())
            body = text[m.end():end if end > 0 else len(text)]
            call = CALL.search(body)
            if call:
                found[name] = (os.path.relpath(path, tree), call.group(1))
    return found


def database(path):
    sleeping = set()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) == 4 and p[1] in ("sleeps", "gfp-arg"):
                sleeping.add(p[0])
    return sleeping


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    tree, db = sys.argv[1], sys.argv[2]
    misses_shown = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--misses" else 20
    found = direct_sleepers(tree)
    sleeping = database(db)
    missed = sorted(n for n in found if n not in sleeping)
    hit = len(found) - len(missed)
    print(f"exported functions whose own body calls a sleeping primitive: {len(found)}")
    print(f"the database says may sleep: {hit} ({100.0 * hit / max(1, len(found)):.1f} %)")
    for n in missed[:misses_shown]:
        print(f"  missed: {n} ({found[n][0]}: calls {found[n][1]}())")


if __name__ == "__main__":
    main()
