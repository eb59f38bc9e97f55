" Writes the Vim syntax groups of the current buffer to the file named by g:out:
" for each line `# N: text`, then each run of characters in one syntax group as
" `TEXT<TAB>GROUP` (GROUP empty where no syntax item matched), blank runs left out.
"   vim -N -u NONE -i NONE -n -es --cmd 'set rtp^=editors/vim' \
"       -c 'filetype on' -c 'syntax on' -c 'edit FILE' \
"       -c 'let g:out = "OUT"' -c 'source editors/tests/vim_groups.vim' -c 'qa!'
let s:out = []
for s:lnum in range(1, line('$'))
  let s:text = getline(s:lnum)
  call add(s:out, '# ' . s:lnum . ': ' . s:text)
  let s:start = 0
  while s:start < strlen(s:text)
    let s:group = synIDattr(synID(s:lnum, s:start + 1, 1), 'name')
    let s:end = s:start + 1
    while s:end < strlen(s:text) && synIDattr(synID(s:lnum, s:end + 1, 1), 'name') ==# s:group
      let s:end += 1
    endwhile
    let s:run = s:text[s:start : s:end - 1]
    if s:run =~ '\S'
      call add(s:out, s:run . "\t" . s:group)
    endif
    let s:start = s:end
  endwhile
endfor
call writefile(s:out, g:out)
