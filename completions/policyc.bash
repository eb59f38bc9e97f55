# bash completion for policyc                                  -*- shell-script -*-
#
# The candidates come from `policyc __complete WORD...`, which reads the commands and
# options from policyc's own command line and the parameter names from the policy
# (`--policy FILE` when given, else the shipped one), so they never drift from either.
# Installed as share/bash-completion/completions/policyc; to try it without
# installing: `source completions/policyc.bash`.

# Sets _policyc_line to the words after the command as policyc will see them, the
# last one cut at the cursor. bash splits words at COMP_WORDBREAKS (`--color=al`
# arrives as `--color` `=` `al`); pieces with no blank between them are joined again.
_policyc_words() {
    local offset=0 i rest blank word
    _policyc_line=()
    for ((i = 0; i <= COMP_CWORD && i < ${#COMP_WORDS[@]}; i++)); do
        rest=${COMP_LINE:offset}
        blank=${rest%%[![:space:]]*}
        offset=$((offset + ${#blank}))
        word=${COMP_WORDS[i]}
        if ((i == COMP_CWORD)); then
            word=${word:0:$((COMP_POINT > offset ? COMP_POINT - offset : 0))}
        fi
        if ((i > 1 && ${#blank} == 0)); then
            _policyc_line[-1]+=$word
        elif ((i > 0)); then
            _policyc_line+=("$word")
        fi
        offset=$((offset + ${#COMP_WORDS[i]}))
    done
}

# Adds the file (or, with `dirs`, folder) names that complete $1 to COMPREPLY; with
# extensions after it, only files ending in one of them, and folders to walk into.
_policyc_files() {
    local part=$1 kind=$2 name ext keep
    shift 2
    local IFS=$'\n'
    if [[ $kind == dirs ]]; then
        _policyc_found+=($(compgen -d -- "$part"))
        return
    fi
    for name in $(compgen -f -- "$part"); do
        keep=$(($# == 0))
        [[ -d $name ]] && keep=1
        for ext in "$@"; do [[ $name == *."$ext" ]] && keep=1; done
        ((keep)) && _policyc_found+=("$name")
    done
}

_policyc() {
    local prog=${COMP_WORDS[0]} reply files="" prefix="" nospace="" full strip
    local breaks=${COMP_WORDBREAKS//[[:space:]\"\']/}
    local -a _policyc_line=() _policyc_found=() exts=()
    [[ $prog == "~/"* ]] && prog=$HOME/${prog#"~/"}
    _policyc_words
    ((${#_policyc_line[@]})) || return 0
    full=${_policyc_line[-1]}
    # readline replaces only what follows the last word-break character: `al` of
    # `--color=al`. Candidates are whole words, so that much of each is cut off.
    strip=""
    [[ -n $breaks ]] && strip=${full%"${full##*[$breaks]}"}

    while IFS= read -r reply; do
        case $reply in
        :files*) files=files exts=(${reply#:files}) ;;
        :dirs) files=dirs ;;
        ":prefix "*) prefix=${reply#:prefix } ;;
        :nospace) nospace=1 ;;
        *) _policyc_found+=("${reply%%$'\t'*}") ;;
        esac
    done < <("$prog" __complete "${_policyc_line[@]}" 2>/dev/null)

    if [[ -n $files ]]; then
        local -a before=("${_policyc_found[@]}")
        _policyc_found=()
        _policyc_files "${full#"$prefix"}" "$files" "${exts[@]}"
        local i
        for i in "${!_policyc_found[@]}"; do _policyc_found[i]=$prefix${_policyc_found[i]}; done
        _policyc_found=("${before[@]}" "${_policyc_found[@]}")
        compopt -o filenames 2>/dev/null
    fi
    [[ -n $nospace ]] && compopt -o nospace 2>/dev/null

    COMPREPLY=()
    for reply in "${_policyc_found[@]}"; do
        [[ $reply == "$strip"* ]] && COMPREPLY+=("${reply#"$strip"}")
    done
}

complete -F _policyc policyc
