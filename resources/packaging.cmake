# SPDX-License-Identifier: GPL-3.0-or-later
# CPack: NSIS installer on Windows; DEB and TGZ on Linux.
#   cpack -G DEB      cpack -G TGZ      cpack -G NSIS (Windows build only)
# Included at the end of the top-level CMakeLists.txt; the install rules are
# in app/CMakeLists.txt.

set(CPACK_VERBATIM_VARIABLES ON) # values below reach the generators unescaped
set(CPACK_PACKAGE_NAME "kopru")
set(CPACK_PACKAGE_VENDOR "Köprü contributors")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "On-the-job training planner for vocational teachers (SMM)")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_HOMEPAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_PACKAGE_CONTACT "Köprü maintainers <kopru@example.org>")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Köprü")
# Start-menu entry: bin/kopru.exe shown as "Köprü".
set(CPACK_PACKAGE_EXECUTABLES "kopru" "Köprü")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/build[^/]*/" "\\.kopru$")

if(WIN32)
    set(CPACK_GENERATOR "NSIS")
else()
    set(CPACK_GENERATOR "DEB;TGZ")
endif()

# ---- NSIS (Windows) -------------------------------------------------------------
set(CPACK_NSIS_DISPLAY_NAME "Köprü ${PROJECT_VERSION}")
set(CPACK_NSIS_PACKAGE_NAME "Köprü")
set(CPACK_NSIS_MUI_ICON "${PROJECT_SOURCE_DIR}/resources/icons/kopru.ico")
set(CPACK_NSIS_MUI_UNIICON "${PROJECT_SOURCE_DIR}/resources/icons/kopru.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\kopru.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH OFF)
set(CPACK_NSIS_URL_INFO_ABOUT ${PROJECT_HOMEPAGE_URL})
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "kopru.exe")
set(CPACK_NSIS_UNINSTALL_NAME "Uninstall")
# .kopru files open in Köprü: kopru.exe "%1". SHCTX is HKLM for an
# all-users install and HKCU otherwise; the uninstaller removes the keys.
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS [=[
  WriteRegStr SHCTX "Software\Classes\.kopru" "" "Kopru.Database"
  WriteRegStr SHCTX "Software\Classes\.kopru" "Content Type" "application/x-kopru"
  WriteRegStr SHCTX "Software\Classes\Kopru.Database" "" "Köprü database"
  WriteRegStr SHCTX "Software\Classes\Kopru.Database\DefaultIcon" "" "$INSTDIR\bin\kopru.exe,0"
  WriteRegStr SHCTX "Software\Classes\Kopru.Database\shell\open\command" "" '"$INSTDIR\bin\kopru.exe" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
]=])
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS [=[
  DeleteRegKey SHCTX "Software\Classes\Kopru.Database"
  DeleteRegValue SHCTX "Software\Classes\.kopru" ""
  DeleteRegKey /ifempty SHCTX "Software\Classes\.kopru"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
]=])

# ---- DEB (Debian 12 / Ubuntu) ---------------------------------------------------
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "education")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6core6 (>= 6.4), libqt6gui6 (>= 6.4), libqt6widgets6 (>= 6.4), libqt6sql6 (>= 6.4), libqt6sql6-sqlite (>= 6.4), libqt6charts6 (>= 6.4), libqt6printsupport6 (>= 6.4), libqt6concurrent6 (>= 6.4), libqt6xml6 (>= 6.4), libqt6core5compat6 (>= 6.4), libxlsxwriter4, libminizip1, libqt6keychain1")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)

# ---- TGZ ------------------------------------------------------------------------
set(CPACK_ARCHIVE_COMPONENT_INSTALL OFF)

include(CPack)
