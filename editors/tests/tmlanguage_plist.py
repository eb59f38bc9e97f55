#!/usr/bin/env python3
"""Writes the TextMate grammar as the XML property list Sublime Text and TextMate load.

    editors/tests/tmlanguage_plist.py SOURCE_DIR            # check the plist is current
    editors/tests/tmlanguage_plist.py SOURCE_DIR --update   # rewrite it

The JSON grammar that VS Code loads is the source; the plist is generated from it so
the two can never disagree. Exit codes: 0 current, 1 stale.
"""
import json
import plistlib
import sys
from pathlib import Path

source = Path(sys.argv[1])
grammar = json.loads((source / "editors/vscode/syntaxes/policy.tmLanguage.json").read_text())
plist = plistlib.dumps(grammar, sort_keys=True)
target = source / "editors/sublime/Policy.tmLanguage"
if sys.argv[2:] == ["--update"]:
    target.write_bytes(plist)
elif not target.exists() or target.read_bytes() != plist:
    print(f"FAIL {target} is not the plist of the JSON grammar; "
          "run editors/tests/tmlanguage_plist.py . --update")
    sys.exit(1)
else:
    print(f"{target.name} matches the JSON grammar")
