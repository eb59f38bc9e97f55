#!/usr/bin/env bash
# Highlights sample.policy with editors/vim in a real Vim and compares the syntax
# group of every token with sample.vim-groups; every other .policy file of the
# repository must load without a Vim error.
#   editors/tests/vim_syntax_test.sh SOURCE_DIR [--update]
# Exit codes: 0 pass, 1 fail, 77 skipped because vim is not installed.
set -uo pipefail
source_dir=$(cd "$1" && pwd)
update=${2:-}
if ! command -v vim >/dev/null; then
    echo "SKIP: vim is not installed"
    exit 77
fi
out=$(mktemp)
trap 'rm -f "$out" "$out.err"' EXIT

# highlight FILE VIM-COMMAND: opens FILE as a policy in Vim without a terminal, runs the
# command, and fails on any Vim error (v:errmsg).
highlight() {
    vim -N -u NONE -i NONE -n -es --cmd "set rtp^=$source_dir/editors/vim" \
        -c 'filetype on' -c 'syntax on' -c "edit $1" \
        -c "if &filetype !=# 'policy' | cquit 3 | endif" -c "$2" \
        -c "if v:errmsg !=# '' | call writefile([v:errmsg], '$out.err') | cquit 4 | endif" \
        -c 'qa!'
}

# Every syntax group of the file, into $out.
groups_of() {
    highlight "$1" "let g:out = '$out' | source $source_dir/editors/tests/vim_groups.vim"
}

# The group at the start of each line: every line is highlighted, cheaply enough for
# the long-line fixtures of other tests (vim_groups.vim asks once per character).
each_line_of() {
    highlight "$1" 'syntax sync fromstart | for l in range(1, line("$")) | call synID(l, 1, 1) | endfor'
}

status=0
groups_of "$source_dir/editors/tests/sample.policy"
code=$?
if ((code != 0)); then
    echo "FAIL vim exited $code on sample.policy: $(cat "$out.err" 2>/dev/null)"
    exit 1
fi
golden=$source_dir/editors/tests/sample.vim-groups
if [[ $update == --update ]]; then
    cp "$out" "$golden"
elif ! diff -u "$golden" "$out"; then
    echo "FAIL the Vim groups of sample.policy differ from $golden"
    status=1
fi
count=0
while IFS= read -r -d '' policy; do
    count=$((count + 1))
    if ! each_line_of "$policy"; then
        echo "FAIL vim could not highlight $policy: $(cat "$out.err" 2>/dev/null)"
        status=1
    fi
done < <(find "$source_dir" -name '*.policy' -not -path "$source_dir/build*" -not -path '*/node_modules/*' \
    -not -path '*/.git/*' -print0 | sort -z)
echo "vim: highlighted $count policy files"
exit $status
