# Installation and the CMake package: find_package(hwmx) gives hwmx::hwmx.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS hwmx EXPORT hwmxTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/host/include/hwmx DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT hwmxTargets NAMESPACE hwmx:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/hwmx)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/hwmxConfig.cmake.in
  ${PROJECT_BINARY_DIR}/hwmxConfig.cmake INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/hwmx)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/hwmxConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/hwmxConfig.cmake ${PROJECT_BINARY_DIR}/hwmxConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/hwmx)

if(HWMX_BUILD_TESTS)
  # Installs into a scratch prefix, then configures, builds and runs tb/consumer exactly as a
  # user project would (find_package only, no path into this tree).
  add_test(NAME install_consumer
           COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${PROJECT_BINARY_DIR}
                   -DSOURCE_DIR=${PROJECT_SOURCE_DIR}/tb/consumer
                   -DWORK_DIR=${PROJECT_BINARY_DIR}/consumer-test
                   -P ${PROJECT_SOURCE_DIR}/cmake/consumer_test.cmake)
  set_tests_properties(install_consumer PROPERTIES LABELS "unit" TIMEOUT 600)
endif()
