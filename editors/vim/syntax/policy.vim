" Vim syntax file
" Language:   policyc policy (.policy)
" Maintainer: the policyc project
" The same token classes as editors/vscode/syntaxes/policy.tmLanguage.json; the
" keyword list is checked against grammar/policy_grammar.hpp by a test.

if exists('b:current_syntax')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

syn case match

" The key a line sets: a field, a set a rule adds to, an output key. Defined first:
" where two matches start at one place Vim takes the last defined.
syn match   policyField       "^\s*\zs\h\w*\ze\s*:"
syn match   policySetTarget   "^\s*\zs\h\w*\ze\s*+="
syn match   policyOutputKey   "^\s*\zs\h\w*\ze\s*\(=[^=]\|{\|\<when\>\)"

" Declarations and the name each one introduces.
syn keyword policyImport      import
syn keyword policyDeclaration record manifest nextgroup=policyTypeName skipwhite
syn keyword policyDeclaration const let nextgroup=policyConstName skipwhite
syn keyword policyDeclaration set nextgroup=policySetName skipwhite
syn keyword policyDeclaration rule nextgroup=policyRuleName skipwhite
syn keyword policyDeclaration output nextgroup=policyOutputName skipwhite
syn match   policyDeclaration "\<params\ze\s*{"
syn match   policyTypeName    "\<\h\w*" contained
syn match   policyConstName   "\<\h\w*" contained
syn match   policySetName     "\<\h\w*" contained
syn match   policyRuleName    "\<\h\w*" contained
syn match   policyOutputName  "\<\h\w*" contained

" Schema members.
syn keyword policyMember      removed together unique
" `hosts(class: action, ...)`: its colons start no type annotation.
syn region  policyHostRules   matchgroup=policyMember start="\<hosts\ze\s*(" end=")" oneline contains=policyHostAction,policyDelimiter
syn keyword policyHostAction  refuse warn allow contained
" `renamed OLD -> NEW`: a keyword only there, so a field may be called `renamed`.
syn match   policyMember      "\<renamed\ze\s\+\h\w*\s*->"
syn match   policyOperator    "->"

" Types, after the colon of `name: type` (a quantifier's colon is inside parens).
syn keyword policyType        bool int string hostname path cidr contained
syn keyword policyTypeBuiltin list map enum contained
syn match   policyOptional    "?" contained
syn region  policyAnnotation  matchgroup=policyDelimiter start=":\ze\s*\h" end="\ze\s*\(=\|#\|{\|}\|\<unique\>\|\<hosts\>\|$\)" oneline keepend contains=policyType,policyTypeBuiltin,policyOptional,policyString,policyTypeRef
syn match   policyTypeRef     "\<\u\w*" contained

" Expressions.
syn keyword policyConditional when if then else
syn keyword policyRepeat      for
syn keyword policyOperator    in and or not
" Parentheses, so a quantifier's colon (`any(x in xs: cond)`) starts no type.
syn region  policyParens      matchgroup=policyDelimiter start="(" end=")" transparent contains=TOP,policyAnnotation
syn keyword policyQuantifier  any all
syn keyword policyBoolean     true false
syn match   policyBuiltin     "\<\(sorted\|len\|present\|flatten\|keys\|values\)\ze\s*("
syn match   policyParams      "\<params\ze\s*\."
syn match   policyConstant    "\<\u[A-Z0-9_]*\>"
syn match   policyOperator    "+=\|==\|!=\|+\|="
syn match   policyNumber      "\(\w\)\@<!-\=\d\+\>"

" Strings; a whole string that is a DNS name with a dot or a CIDR stands out.
syn region  policyString      start=+"+ skip=+\\\\\|\\"+ end=+"+ end=+$+ oneline contains=policyEscape,policyBadEscape,policyHostname,policyCidr
syn match   policyEscape      +\\[\\"nt]+ contained
syn match   policyBadEscape   +\\[^\\"nt]+ contained
syn match   policyHostname    +"\@1<=\(\*\.\)\=\(\w\([a-zA-Z0-9-]*[a-zA-Z0-9]\)\=\.\)\+[a-zA-Z0-9]\([a-zA-Z0-9-]*[a-zA-Z0-9]\)\="\@=+ contained
syn match   policyCidr        +"\@1<=\(\d\{1,3}\(\.\d\{1,3}\)\{3}\|[0-9A-Fa-f]*:[0-9A-Fa-f:.]*\)/\d\{1,3}"\@=+ contained
syn match   policyImportPath  +\(\<import\s\+\)\@<="[^"]*"+

" Comments.
syn keyword policyTodo        TODO FIXME XXX NOTE contained
syn match   policyComment     "#.*$" contains=policyTodo,@Spell

hi def link policyImport      Include
hi def link policyDeclaration Keyword
hi def link policyTypeName    Type
hi def link policyConstName   Constant
hi def link policySetName     Identifier
hi def link policyRuleName    Function
hi def link policyOutputName  Structure
hi def link policyMember      Keyword
hi def link policyHostAction  Constant
hi def link policyType        Type
hi def link policyTypeBuiltin Type
hi def link policyTypeRef     Type
hi def link policyOptional    Operator
hi def link policyDelimiter   Delimiter
hi def link policyConditional Conditional
hi def link policyRepeat      Repeat
hi def link policyOperator    Operator
hi def link policyQuantifier  Keyword
hi def link policyBoolean     Boolean
hi def link policyBuiltin     Function
hi def link policyParams      Special
hi def link policyConstant    Constant
hi def link policyNumber      Number
hi def link policyField       Identifier
hi def link policySetTarget   Identifier
hi def link policyOutputKey   Label
hi def link policyString      String
hi def link policyImportPath  String
hi def link policyEscape      SpecialChar
hi def link policyBadEscape   Error
hi def link policyHostname    Underlined
hi def link policyCidr        Number
hi def link policyTodo        Todo
hi def link policyComment     Comment

let b:current_syntax = 'policy'

let &cpo = s:cpo_save
unlet s:cpo_save
