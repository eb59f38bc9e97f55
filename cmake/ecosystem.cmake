# What `cmake --install` puts beside the binary, and the man page in the build tree
# (`man ./build/policyc.1`). Included from the top-level CMakeLists.txt.
include(GNUInstallDirs)

configure_file(${PROJECT_SOURCE_DIR}/docs/policyc.1.in ${PROJECT_BINARY_DIR}/policyc.1 @ONLY)

# The same files the binary embeds: a starting point for a policy of one's own.
install(FILES ${SHIPPED_POLICIES} DESTINATION ${CMAKE_INSTALL_DATADIR}/policyc/policies)
# The error codes' docs, which `policyc lsp` links each diagnostic's code to
# (lsp/policy_diagnostics.hpp finds them beside the binary).
install(FILES ${PROJECT_SOURCE_DIR}/docs/errors.md DESTINATION ${CMAKE_INSTALL_DATADIR}/policyc)
# The Debian package compresses the man page and puts zsh's completion where Debian's zsh
# reads packaged ones (cmake/packaging.cmake).
if(NOT POLICYC_DEBIAN_PACKAGE)
  install(FILES ${PROJECT_BINARY_DIR}/policyc.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  set(zsh_completions ${CMAKE_INSTALL_DATADIR}/zsh/site-functions)
else()
  set(zsh_completions ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
endif()
install(FILES ${PROJECT_SOURCE_DIR}/completions/policyc.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME policyc)
install(FILES ${PROJECT_SOURCE_DIR}/completions/_policyc DESTINATION ${zsh_completions})
