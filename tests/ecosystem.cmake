# Tests of what policyc ships around the binary: the install, the shell completions,
# the editor grammars. Included from tests/CMakeLists.txt. A test that needs a tool
# the machine lacks (zsh, vim, node and the npm packages) exits 77 and is reported as
# skipped, with the reason in its output.
find_program(BASH_PROGRAM bash)

add_test(NAME install COMMAND ${BASH_PROGRAM} ${CMAKE_CURRENT_SOURCE_DIR}/install_test.sh
                              ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR})
add_test(NAME completion_bash
         COMMAND ${BASH_PROGRAM} ${CMAKE_CURRENT_SOURCE_DIR}/completion_bash_test.sh
                 $<TARGET_FILE:policyc> ${PROJECT_SOURCE_DIR})
add_test(NAME completion_zsh
         COMMAND ${BASH_PROGRAM} -c [[command -v zsh >/dev/null || { echo "SKIP: zsh is not installed"; exit 77; }; exec zsh "$@"]]
                 _ ${CMAKE_CURRENT_SOURCE_DIR}/completion_zsh_test.zsh $<TARGET_FILE:policyc>
                 ${PROJECT_SOURCE_DIR})
add_test(NAME editors_textmate
         COMMAND ${BASH_PROGRAM} -c [[command -v node >/dev/null || { echo "SKIP: node is not installed"; exit 77; }; exec node "$@"]]
                 _ ${PROJECT_SOURCE_DIR}/editors/tests/tokenize.js ${PROJECT_SOURCE_DIR})
add_test(NAME editors_vim
         COMMAND ${BASH_PROGRAM} ${PROJECT_SOURCE_DIR}/editors/tests/vim_syntax_test.sh
                 ${PROJECT_SOURCE_DIR})
# A node test file of editors/lsp-tests, which talks to the built policyc (POLICYC).
function(policyc_lsp_node_test name file)
  add_test(NAME ${name}
           COMMAND ${BASH_PROGRAM} -c [[command -v node >/dev/null || { echo "SKIP: node is not installed"; exit 77; }; [ -d "$1/node_modules/vscode-jsonrpc" ] || { echo "SKIP: run npm ci --prefix editors/lsp-tests"; exit 77; }; cd "$1" && exec node --test --test-timeout=20000 "$2"]]
                   _ ${PROJECT_SOURCE_DIR}/editors/lsp-tests ${file})
  set_tests_properties(${name} PROPERTIES ENVIRONMENT POLICYC=$<TARGET_FILE:policyc>)
endfunction()
# `policyc lsp` through vscode-jsonrpc; editors/vscode/extension.js with stand-ins for VS
# Code's modules, and the server it starts; then in headless Neovim's built-in client.
policyc_lsp_node_test(lsp_protocol_node protocol.test.js)
policyc_lsp_node_test(lsp_vscode_extension_node vscode_extension.test.js)
add_test(NAME lsp_neovim
         COMMAND ${BASH_PROGRAM} -c [[command -v nvim >/dev/null || { echo "SKIP: nvim is not installed"; exit 77; }; exec bash "$@"]]
                 _ ${PROJECT_SOURCE_DIR}/editors/lsp-tests/neovim_test.sh $<TARGET_FILE:policyc>
                 ${PROJECT_SOURCE_DIR})
set_tests_properties(completion_zsh editors_textmate editors_vim lsp_protocol_node
                     lsp_vscode_extension_node lsp_neovim
                     PROPERTIES SKIP_RETURN_CODE 77)
set_tests_properties(install PROPERTIES ENVIRONMENT CMAKE=${CMAKE_COMMAND})
add_test(NAME editors_sublime_plist
         COMMAND ${BASH_PROGRAM} -c [[command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }; exec python3 "$@"]]
                 _ ${PROJECT_SOURCE_DIR}/editors/tests/tmlanguage_plist.py ${PROJECT_SOURCE_DIR})
set_tests_properties(editors_sublime_plist PROPERTIES SKIP_RETURN_CODE 77)
# .pre-commit-hooks.yaml run by the real pre-commit (`pre-commit try-repo`).
add_test(NAME pre_commit_try_repo
         COMMAND ${BASH_PROGRAM} ${CMAKE_CURRENT_SOURCE_DIR}/pre_commit_try_repo_test.sh
                 $<TARGET_FILE:policyc> ${PROJECT_SOURCE_DIR})
set_tests_properties(pre_commit_try_repo PROPERTIES SKIP_RETURN_CODE 77)
# The Debian package: a Release build of its own, lintian, its files, and the extracted
# binary at work. Off in the sanitizer build (scripts/sanitize.sh), which would build the
# same package again.
option(POLICYC_PACKAGE_TEST "Build and check the Debian package in the test suite" ON)
if(POLICYC_PACKAGE_TEST)
  add_test(NAME debian_package
           COMMAND ${BASH_PROGRAM} ${CMAKE_CURRENT_SOURCE_DIR}/package_test.sh
                   ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}/package)
  set_tests_properties(debian_package PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 2400)
endif()
