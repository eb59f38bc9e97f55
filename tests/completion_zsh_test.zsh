#!/usr/bin/env zsh
# Runs completions/_policyc in a real interactive zsh: types a line into a
# pseudo-terminal, presses TAB, and compares the matches zsh computed with what is
# expected. compadd is wrapped to print every match it adds.
#   tests/completion_zsh_test.zsh POLICYC_BINARY SOURCE_DIR [COMPLETION_DIR]
# COMPLETION_DIR: the folder holding the _policyc to test, by default SOURCE_DIR/completions
# (tests/package_test.sh passes the one the Debian package installs).
emulate -R zsh
setopt extended_glob
zmodload zsh/zpty || { print "SKIP: zsh was built without zsh/zpty"; exit 77 }

binary=${1:A}
source_dir=${2:A}
completion_dir=${3:-$source_dir/completions}
completion_dir=${completion_dir:A}
work=$(mktemp -d)
trap 'rm -rf $work' EXIT
mkdir -p $work/bin $work/files/configs "$work/files/ca dir"
ln -s $binary $work/bin/policyc
touch $work/files/{bottle.yaml,bottle.md,notes.txt,team.policy,ca.pem}
sed 's#"../../policies/defaults.policy"#"defaults.policy"#' \
    $source_dir/editors/tests/sample.policy > $work/files/sample.policy
cp $source_dir/policies/defaults.policy $work/files/

# The interactive shell: no prompt, no startup files, our completion first on fpath,
# TAB bound to complete-word followed by a marker, compadd wrapped to print matches.
cat > $work/setup.zsh <<EOF
PS1='' RPS1='' PROMPT_EOL_MARK=''
unsetopt zle_bracketed_paste 2>/dev/null
path=($work/bin \$path)
fpath=($completion_dir \$fpath)
cd $work/files
autoload -Uz compinit && compinit -u -D
bindkey '^U' kill-whole-line
zstyle ':completion:*' insert-tab false
compadd() {
  # Calls that only compute matches into an array are _describe's and _files' own.
  if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
    builtin compadd "\$@"
    return
  fi
  local -a __hits
  builtin compadd -A __hits "\$@"
  local __hit
  for __hit in \$__hits; do print -r -- "MATCH:\$IPREFIX\$__hit"; done
  builtin compadd "\$@"
}
# comppostfuncs is emptied after each completion: set it again on every TAB.
__policyc_test_done() { print -r -- "COMPLETION-DONE" }
__policyc_test_complete() {
  comppostfuncs=(__policyc_test_done)
  zle complete-word
}
zle -N __policyc_test_complete
bindkey '^I' __policyc_test_complete
print -r -- SHELL-READY
EOF

# Reads the pty until a line matches $1 or 10 s pass; the lines go to $reply.
read_until() {
  local line
  reply=()
  integer deadline=$(( SECONDS + 10 ))
  while (( SECONDS < deadline )); do
    if zpty -rt z line 2>/dev/null; then
      line=${${line//$'\r'/}%$'\n'}
      reply+=("$line")
      [[ $line == *$1* ]] && return 0
    else
      zselect -t 1  # 10 ms
    fi
  done
  return 1
}

zmodload zsh/zselect
zpty z zsh -f -i
zpty -w z "source ${(q)work}/setup.zsh"
read_until SHELL-READY || { print "FAIL zsh did not start"; exit 1 }

# Completes LINE, then clears it; prints the sorted matches joined by '|'.
matches_for() {
  zpty -w -n z "$1"$'\t'
  read_until COMPLETION-DONE || print "TIMEOUT"
  local -a found
  local line
  for line in $reply; do
    [[ $line == *MATCH:* ]] && found+=("${(Q)${line##*MATCH:}}")
  done
  zpty -w -n z $'\C-u'
  print -r -- ${(j:|:)${(ou)found}}
}

integer checks=0 failures=0

# check LINE EXPECTED...: the matches must be exactly EXPECTED.
check() {
  local line=$1 got want
  shift
  got=$(matches_for "$line")
  want=${(j:|:)${(ou)@}}
  (( checks++ ))
  if [[ $got != $want ]]; then
    (( failures++ ))
    print -r -- "FAIL ${(qq)line}"$'\n'"  expected: $want"$'\n'"  got:      $got"
  fi
}

# check_has LINE WORD...: the matches must include every WORD.
check_has() {
  local line=$1 got word
  shift
  got="|$(matches_for "$line")|"
  (( checks++ ))
  for word in "$@"; do
    if [[ $got != *"|$word|"* ]]; then
      (( failures++ ))
      print -r -- "FAIL ${(qq)line}: no $word in $got"
    fi
  done
}

check_has "policyc " compile summary test init
check "policyc comp" compile
check "policyc __"
check "policyc --" --help --version
check "policyc compile --f" --format
check "policyc compile --format json --f"
check "policyc compile --format " yaml json
check "policyc compile --color=al" --color=always
check "policyc compile --param " ca_cert= ca_key= ssrf_ip_allowlist=
check "policyc compile --policy sample.policy --param " ca_cert= ca_key= internal=
check "policyc compile " bottle.md bottle.yaml "ca dir" configs
check "policyc compile x.yaml --policy " "ca dir" configs defaults.policy sample.policy team.policy
check "policyc compile x.yaml -o n" notes.txt
check "policyc compile x.yaml --param ca_cert=ca" "ca_cert=ca dir" ca_cert=ca.pem
check "policyc test " "ca dir" configs
check "policyc diff --old-policy " "ca dir" configs defaults.policy sample.policy team.policy
check "policyc init " "ca dir" configs
check "policyc compile --out-dir " "ca dir" configs
check_has "policyc errors E01" E0101 E0102

print "$checks checks, $failures failed"
(( failures == 0 ))
