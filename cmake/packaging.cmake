# Documentation that ships, and the Debian package: `cpack -G DEB` in a build tree gives
# wnetconf_<version>_<arch>.deb. Its dependencies come from dpkg-shlibdeps (the shared
# libraries the binary links); Wine is recommended, since only --sut wine needs it.
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/schemas/ DESTINATION ${CMAKE_INSTALL_DATADIR}/wnetconf/schemas FILES_MATCHING PATTERN "*.json" PATTERN "*.xsd")
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs PATTERN "*.1.in" EXCLUDE)
configure_file(docs/wnetconf.1.in ${CMAKE_BINARY_DIR}/wnetconf.1 @ONLY)  # the version from project()
install(FILES ${CMAKE_BINARY_DIR}/wnetconf.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME wnetconf)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "wnetconf maintainers <wnetconf@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Conformance harness for the Windows network-connection API")
set(CPACK_PACKAGE_DESCRIPTION
    "A reference model of WNetCancelConnection and its world, checked against implementations\n(a simulated Windows stack, Wine, any agent) through YAML scenarios and property-based\nexploration; writes vendor certification bundles.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS wine)
include(CPack)
