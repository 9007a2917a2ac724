# Format tests with real clients, included from tests/CMakeLists.txt:
#   formats.gexf-schema.*  our GEXF exports validate against the GEXF 1.3 RELAX NG schema
#   formats.networkx       NetworkX (Debian's /usr/bin/python3) reads our GEXF and GraphML
#   formats.graphology     graphology-gexf (Gephi Lite's reader, from npm) reads our GEXF
#   formats.cli            actornet export end to end
# Each is skipped, with a message, when its tool is missing.

if(NOT TARGET actornet)
  return()
endif()

set(ACTORNET_FORMATS_DIR "${CMAKE_CURRENT_SOURCE_DIR}/formats")
set(ACTORNET_FORMATS_OUT "${CMAKE_CURRENT_BINARY_DIR}/formats")
set(ACTORNET_DATASET "${PROJECT_SOURCE_DIR}/datasets/us-china-law-enforcement")
set(ACTORNET_GEXF_RNG "${PROJECT_SOURCE_DIR}/../shared/schemas/gexf-1.3/gexf.rng")
set(ACTORNET_IGRAPH_GRAPHML "${PROJECT_SOURCE_DIR}/../shared/data/igraph_debian_examples/test.graphml")

find_program(XMLLINT xmllint)
if(XMLLINT AND EXISTS "${ACTORNET_GEXF_RNG}")
  function(actornet_gexf_schema_test name input)
    add_test(NAME formats.gexf-schema.${name}
             COMMAND sh ${ACTORNET_FORMATS_DIR}/gexf_schema.sh $<TARGET_FILE:actornet>
                     ${ACTORNET_GEXF_RNG} ${ACTORNET_FORMATS_OUT}/schema-${name}.gexf ${input}
                     ${ARGN})
  endfunction()
  actornet_gexf_schema_test(dataset ${ACTORNET_DATASET})
  actornet_gexf_schema_test(scores-sizes-positions ${ACTORNET_DATASET}
                            --with-scores pagerank,betweenness,degree --size-by pagerank
                            --layout sfdp)
  actornet_gexf_schema_test(merged-projection ${ACTORNET_DATASET}
                            --at 2024-07 --parallel count --color-by kind)
  if(EXISTS "${ACTORNET_IGRAPH_GRAPHML}")
    actornet_gexf_schema_test(igraph-graphml ${ACTORNET_IGRAPH_GRAPHML})
  endif()
else()
  message(STATUS "formats.gexf-schema skipped: xmllint or ${ACTORNET_GEXF_RNG} not found")
endif()

if(EXISTS /usr/bin/python3)
  add_test(NAME formats.networkx
           COMMAND /usr/bin/python3 ${ACTORNET_FORMATS_DIR}/networkx_check.py
                   --actornet $<TARGET_FILE:actornet> --dataset ${ACTORNET_DATASET}
                   --out ${ACTORNET_FORMATS_OUT}/networkx)
  # The script exits 77 when NetworkX is not installed.
  set_tests_properties(formats.networkx PROPERTIES SKIP_RETURN_CODE 77)
else()
  message(STATUS "formats.networkx skipped: /usr/bin/python3 not found")
endif()

find_program(NPM npm)
find_program(NODE node)
if(NPM AND NODE)
  add_test(NAME formats.graphology.install
           COMMAND ${NPM} install --no-audit --no-fund --prefix ${CMAKE_BINARY_DIR}/npm
                   graphology graphology-gexf)
  set_tests_properties(formats.graphology.install PROPERTIES FIXTURES_SETUP graphology)
  add_test(NAME formats.graphology
           COMMAND ${NODE} ${ACTORNET_FORMATS_DIR}/graphology_check.js
                   $<TARGET_FILE:actornet> ${ACTORNET_DATASET} ${ACTORNET_FORMATS_OUT}/graphology)
  set_tests_properties(formats.graphology PROPERTIES
                       FIXTURES_REQUIRED graphology
                       ENVIRONMENT "NODE_PATH=${CMAKE_BINARY_DIR}/npm/node_modules")
else()
  message(STATUS "formats.graphology skipped: npm or node not found")
endif()

# `actornet export` end to end (round trips through the CLI, CSV folder, exit status 2 on
# malformed XML).
add_test(NAME formats.cli
         COMMAND sh ${ACTORNET_FORMATS_DIR}/cli_checks.sh $<TARGET_FILE:actornet>
                 ${ACTORNET_DATASET} ${ACTORNET_FORMATS_OUT}/cli)
