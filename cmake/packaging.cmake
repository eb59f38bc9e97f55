# The Debian package (`cpack -G DEB`, or scripts/package.sh): configure with
# -DPOLICYC_DEBIAN_PACKAGE=ON -DCMAKE_INSTALL_PREFIX=/usr -DCMAKE_BUILD_TYPE=Release and
# the install follows Debian's layout: a compressed man page, zsh's vendor completions,
# the Vim files as an addon, the copyright file and the Debian changelog. Included from
# the top-level CMakeLists.txt after cmake/ecosystem.cmake.
if(NOT POLICYC_DEBIAN_PACKAGE)
  return()
endif()

set(doc_dir ${CMAKE_INSTALL_DATADIR}/doc/policyc)
# gzip -n: no name or time stamp in the archive, so the package builds the same twice.
add_custom_command(
  OUTPUT ${PROJECT_BINARY_DIR}/policyc.1.gz ${PROJECT_BINARY_DIR}/changelog.Debian.gz
  COMMAND gzip -9n -c ${PROJECT_BINARY_DIR}/policyc.1 > ${PROJECT_BINARY_DIR}/policyc.1.gz
  COMMAND gzip -9n -c ${PROJECT_SOURCE_DIR}/packaging/changelog
          > ${PROJECT_BINARY_DIR}/changelog.Debian.gz
  DEPENDS ${PROJECT_BINARY_DIR}/policyc.1 ${PROJECT_SOURCE_DIR}/packaging/changelog)
add_custom_target(policyc_package_files ALL
                  DEPENDS ${PROJECT_BINARY_DIR}/policyc.1.gz ${PROJECT_BINARY_DIR}/changelog.Debian.gz)
install(FILES ${PROJECT_BINARY_DIR}/policyc.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_BINARY_DIR}/changelog.Debian.gz ${PROJECT_SOURCE_DIR}/packaging/copyright
        DESTINATION ${doc_dir})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/editors/vim/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/vim/addons)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/vim-registry.yaml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/vim/registry RENAME policyc.yaml)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME policyc)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "The policyc authors <policyc@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "compiler from declarative egress policies to pipelock configs")
# The extended description; CPack puts the summary line above it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "policyc reads .policy files and a bottle manifest and writes the pipelock\nconfig of an AI agent's sandbox: its hostname allowlist, TLS passthrough,\nDLP toggles and SSRF exceptions. It also checks, formats, explains, diffs\nand validates policies and configs.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends from dpkg-shlibdeps
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
# Folders the package shares with others are not its own (lintian: no /usr, /usr/bin...).
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
