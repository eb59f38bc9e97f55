#!/usr/bin/env python3
"""Every config policyc writes reads the same to a second YAML parser.

yaml-cpp, which policyc's own read-back check uses, and PyYAML (Debian's python3-yaml)
must agree on the structure and on every value of each golden expected output and of the
configs compiled from a set of hostile manifests and parameters; a disagreement means the
text can mean two things, and pipelock (Go's yaml.v3) might read a third.

PyYAML resolves plain scalars by YAML 1.1 (`on`, `yes`, `0755`, `1:30` are not strings
there), yaml_cpp_view by YAML 1.2 as Go does: policyc quotes every string it does not
know to be plain in both, so the two must still agree.

usage: second_parser_test.py POLICYC YAML_CPP_VIEW SOURCE_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    print("SKIP: PyYAML (Debian: python3-yaml) is not installed")
    sys.exit(77)

POLICYC, VIEW, SOURCE = (os.path.abspath(arg) for arg in sys.argv[1:4])

# Values a bottle or a parameter may try to smuggle through: YAML 1.1 booleans and
# numbers, indicators, comment and mapping markers, quotes, escapes, non-ASCII text.
HOSTILE_HOSTS = [
    "on.example.com", "yes", "no", "off", "null", "true", "y", "n", "nan", "inf",
    "0x10.example", "1e3.example", "0755.example", "1-30.example", "x-y.example",
    "xn--bcher-kva.example", "a.b.c.d.e.f.example", "UPPER.Example.COM",
]
HOSTILE_PATHS = [
    "/etc/pipelock/ca.pem", "/etc/pipelock/on", "/etc/yes", "/x: y", "/x #comment",
    "/x'y", '/x"y', "/x\\y", "/ca-&anchor", "/ca-*alias", "/ca-!tag", "/ca-%dir",
    "/ca-@at", "/ca-`tick", "/ca-|pipe", "/ca->fold", "/ca-[flow]", "/ca-{flow}",
    "/ca-,comma", "/ca-?q", "/caf\u00e9/\u00fc.pem", "/ca-\u2028sep", "/ca- trailing ",
    "/1:30", "/0o17", "/.inf", "/~", "/-", "/- item",
]


def second_view(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def first_view(path):
    out = subprocess.run([VIEW, path], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise AssertionError(f"yaml-cpp cannot read {path}: {out.stderr.strip()}")
    return json.loads(out.stdout)


def compare(path, label, failures):
    first, second = first_view(path), second_view(path)
    if first != second:
        failures.append(f"{label}: yaml-cpp reads {json.dumps(first, sort_keys=True)}\n"
                        f"  PyYAML reads {json.dumps(second, sort_keys=True)}")
    return first


def is_config(path):
    """Whether a golden case's standard output is a pipelock config (not a report)."""
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return bool(lines) and lines[0].startswith("version: ")


def golden_outputs():
    for root, _, files in os.walk(os.path.join(SOURCE, "golden")):
        path = os.path.join(root, "expected.yaml")
        if "expected.yaml" in files and is_config(path):
            yield path


def compile_to(work, name, bottle, params):
    bottle_path = os.path.join(work, name + ".yaml")
    with open(bottle_path, "w", encoding="utf-8") as f:
        f.write(bottle)
    out_path = os.path.join(work, name + ".out.yaml")
    args = [POLICYC, "compile", bottle_path, "-o", out_path]
    for param in params:
        args += ["--param", param]
    result = subprocess.run(args, capture_output=True, text=True, check=False, cwd=work)
    return out_path if result.returncode == 0 else None


def main():
    failures = []
    goldens = sorted(golden_outputs())
    for path in goldens:
        compare(path, os.path.relpath(path, SOURCE), failures)

    compiled = refused = 0
    with tempfile.TemporaryDirectory() as work:
        # The comparison must see what it is for: plain `on` and `0755` read differently.
        control = os.path.join(work, "ambiguous.yaml")
        with open(control, "w", encoding="utf-8") as f:
            f.write("version: 1\napi_allowlist:\n  - on\n  - 0755\n")
        if first_view(control) == second_view(control):
            failures.append("the two parsers agree on an ambiguous config: the test is blind")
        for i, host in enumerate(HOSTILE_HOSTS):
            bottle = "egress:\n  allowlist:\n    - " + json.dumps(host) + "\n"
            out = compile_to(work, f"host{i}", bottle, [])
            if out is None:
                refused += 1
                continue
            compiled += 1
            view = compare(out, f"allowlist entry {host!r}", failures)
            if host.lower() not in view.get("api_allowlist", []):
                failures.append(f"allowlist entry {host!r} is not in the config as written")
        for i, path in enumerate(HOSTILE_PATHS):
            out = compile_to(work, f"path{i}", "{}\n", [f"ca_cert={path}", f"ca_key={path}.key"])
            if out is None:
                refused += 1
                continue
            compiled += 1
            view = compare(out, f"ca_cert {path!r}", failures)
            if view.get("tls_interception", {}).get("ca_cert") != path:
                failures.append(f"ca_cert {path!r} reads back as "
                                f"{view.get('tls_interception', {}).get('ca_cert')!r}")

    print(f"{len(goldens)} golden outputs and {compiled} hostile compiles read alike by yaml-cpp "
          f"and PyYAML {yaml.__version__} ({refused} hostile inputs refused by policyc)")
    if compiled < len(HOSTILE_HOSTS) // 2 or not goldens:
        failures.append("too few configs were compared for the test to mean anything")
    for failure in failures:
        print("FAIL " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
