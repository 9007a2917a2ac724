# Finds every dependency as a Debian 12 package and, when one is missing, fails with
# the name of the package that provides it (scripts/install-deps.sh installs them all).
find_package(PkgConfig QUIET)

function(actornet_require found what package)
  if(NOT ${found})
    message(FATAL_ERROR "actornet needs ${what}: install the Debian package '${package}' "
                        "(or run scripts/install-deps.sh as root)")
  endif()
endfunction()

actornet_require(PKG_CONFIG_FOUND "pkg-config" "pkg-config")

# igraph: Debian ships 0.10; 1.0 reorders arguments of several functions, so pin the series
# (graph/igraph_adapter is the one place that would absorb the change).
pkg_check_modules(IGRAPH QUIET IMPORTED_TARGET "igraph>=0.10" "igraph<0.11")
actornet_require(IGRAPH_FOUND "igraph 0.10 (C library)" "libigraph-dev")

find_package(Boost 1.74 QUIET)
actornet_require(Boost_FOUND "Boost.Graph 1.74 or newer" "libboost-graph-dev")
if(NOT EXISTS "${Boost_INCLUDE_DIRS}/boost/graph/adjacency_list.hpp")
  message(FATAL_ERROR "actornet needs Boost.Graph: install the Debian package 'libboost-graph-dev'")
endif()

find_package(CLI11 2.1 QUIET CONFIG)
actornet_require(CLI11_FOUND "CLI11 2.1 or newer" "libcli11-dev")

find_package(fmt 9 QUIET CONFIG)
actornet_require(fmt_FOUND "fmt 9 or newer" "libfmt-dev")

find_package(nlohmann_json 3.10 QUIET CONFIG)
actornet_require(nlohmann_json_FOUND "nlohmann-json 3.10 or newer" "nlohmann-json3-dev")

pkg_check_modules(GRAPHVIZ QUIET IMPORTED_TARGET libgvc libcgraph)
actornet_require(GRAPHVIZ_FOUND "Graphviz cgraph and gvc libraries" "libgraphviz-dev")

find_package(pugixml 1.11 QUIET CONFIG)
actornet_require(pugixml_FOUND "pugixml 1.11 or newer (XML formats)" "libpugixml-dev")

find_package(yaml-cpp 0.6 QUIET CONFIG)
actornet_require(yaml-cpp_FOUND "yaml-cpp 0.6 or newer (YAML scenario files)" "libyaml-cpp-dev")

find_package(ZLIB QUIET)
actornet_require(ZLIB_FOUND "zlib (for .gz input)" "zlib1g-dev")

# Event data: the GDELT daily exports come zipped; libzip reads a member as a stream.
pkg_check_modules(LIBZIP QUIET IMPORTED_TARGET "libzip>=1.5")
actornet_require(LIBZIP_FOUND "libzip 1.5 or newer (for .zip event files)" "libzip-dev")

# Names and articles: Unicode case folding and normalisation (alias matching), sentence and
# word boundaries (the text importer).
pkg_check_modules(ICU QUIET IMPORTED_TARGET "icu-uc>=60")
actornet_require(ICU_FOUND "ICU 60 or newer (Unicode names and sentences)" "libicu-dev")

# HTML articles are read with libxml2's forgiving HTML parser.
pkg_check_modules(LIBXML2 QUIET IMPORTED_TARGET "libxml-2.0>=2.9")
actornet_require(LIBXML2_FOUND "libxml2 2.9 or newer (HTML articles)" "libxml2-dev")

# `~` in selections: RE2 matches in time linear in the subject, with bounded memory (no
# backtracking). Debian's re2.pc states no version (0.0.0), so none is checked here; the
# tests run against 20220601 (Debian 12).
pkg_check_modules(RE2 QUIET IMPORTED_TARGET re2)
actornet_require(RE2_FOUND "RE2 (regular expressions in selections)" "libre2-dev")

if(ACTORNET_TESTS)
  find_path(DOCTEST_INCLUDE_DIR doctest/doctest.h)
  actornet_require(DOCTEST_INCLUDE_DIR "doctest 2.4" "doctest-dev")
  add_library(actornet_doctest INTERFACE)
  target_include_directories(actornet_doctest SYSTEM INTERFACE ${DOCTEST_INCLUDE_DIR})
endif()
