# Oracle tests: `actornet <analysis>` compared with NetworkX on real datasets, by scripts run
# with Debian's /usr/bin/python3 (python3-networkx, python3-scipy, python3-numpy; see
# scripts/install-deps.sh). Included from tests/CMakeLists.txt.
#
# One ctest per dataset group, named oracle.<analysis>.<dataset>. Shared datasets live in
# ../shared/data beside the clone; a dataset whose folder is absent is skipped here.

if(NOT TARGET actornet)
  return()
endif()

set(ACTORNET_ORACLE_PYTHON /usr/bin/python3)
if(NOT EXISTS ${ACTORNET_ORACLE_PYTHON})
  message(STATUS "oracle tests skipped: ${ACTORNET_ORACLE_PYTHON} not found "
                 "(run scripts/install-deps.sh)")
  return()
endif()

set(ACTORNET_ORACLE_DATA "${PROJECT_SOURCE_DIR}/../shared/data")
set(ACTORNET_CENTRALITY_ORACLE "${CMAKE_CURRENT_SOURCE_DIR}/oracle/centrality_oracle.py")

# Centrality: each shared dataset's cases (projections) are listed in the script.
foreach(dataset florentine_families krackhardt_hightech lazega_lawyers noordin_top_139)
  if(EXISTS "${ACTORNET_ORACLE_DATA}/${dataset}/edges.csv")
    add_test(NAME oracle.centrality.${dataset}
             COMMAND ${ACTORNET_ORACLE_PYTHON} ${ACTORNET_CENTRALITY_ORACLE}
                     --actornet $<TARGET_FILE:actornet>
                     --data ${ACTORNET_ORACLE_DATA} --dataset ${dataset})
  else()
    message(STATUS "oracle.centrality.${dataset} skipped: ${ACTORNET_ORACLE_DATA}/${dataset} "
                   "is absent")
  endif()
endforeach()

# The bundled dataset, in actornet's own CSV convention.
set(bundled "${PROJECT_SOURCE_DIR}/datasets/us-china-law-enforcement")
if(EXISTS "${bundled}/edges.csv")
  add_test(NAME oracle.centrality.us-china-law-enforcement
           COMMAND ${ACTORNET_ORACLE_PYTHON} ${ACTORNET_CENTRALITY_ORACLE}
                   --actornet $<TARGET_FILE:actornet> --dataset-dir ${bundled})
endif()

# Resilience: A-B figures against NetworkX with explicit super-nodes (undirected channels).
# Each dataset's cases (sides, date, relations) are listed in the script.
set(ACTORNET_RESILIENCE_ORACLE "${CMAKE_CURRENT_SOURCE_DIR}/oracle/resilience_oracle.py")
foreach(dataset noordin_top_139 french_financial_elite interstate_relations)
  if(EXISTS "${ACTORNET_ORACLE_DATA}/${dataset}/edges.csv")
    add_test(NAME oracle.resilience.${dataset}
             COMMAND ${ACTORNET_ORACLE_PYTHON} ${ACTORNET_RESILIENCE_ORACLE}
                     --actornet $<TARGET_FILE:actornet>
                     --data ${ACTORNET_ORACLE_DATA} --dataset ${dataset})
  else()
    message(STATUS "oracle.resilience.${dataset} skipped: ${ACTORNET_ORACLE_DATA}/${dataset} "
                   "is absent")
  endif()
endforeach()
if(EXISTS "${bundled}/edges.csv")
  add_test(NAME oracle.resilience.us-china-law-enforcement
           COMMAND ${ACTORNET_ORACLE_PYTHON} ${ACTORNET_RESILIENCE_ORACLE}
                   --actornet $<TARGET_FILE:actornet> --dataset-dir ${bundled})
endif()

# Structure: brokerage (with structural holes), cohesion and communities against a plain
# triple loop, sna::brokerage's formulas, NetworkX and python-igraph; the two-mode projection
# against NetworkX and paul_revere's own 1MODE layer. Cohesive blocks (slow) on small sets only.
set(ACTORNET_STRUCTURE_ORACLE "${CMAKE_CURRENT_SOURCE_DIR}/oracle/structure_oracle.py")
foreach(entry "florentine_families||--blocks" "southern_women|kind|--blocks"
              "noordin_top_139|kind|" "zegota|kind|")
  string(REPLACE "|" ";" parts "${entry}")
  list(GET parts 0 dataset)
  list(GET parts 1 partition)
  list(GET parts 2 blocks)
  set(args --actornet $<TARGET_FILE:actornet> --data ${ACTORNET_ORACLE_DATA} --dataset ${dataset})
  if(partition)
    list(APPEND args --partition ${partition})
  endif()
  if(blocks)
    list(APPEND args ${blocks})
  endif()
  if(EXISTS "${ACTORNET_ORACLE_DATA}/${dataset}/edges.csv")
    add_test(NAME oracle.structure.${dataset}
             COMMAND ${ACTORNET_ORACLE_PYTHON} ${ACTORNET_STRUCTURE_ORACLE} ${args})
  else()
    message(STATUS "oracle.structure.${dataset} skipped: ${ACTORNET_ORACLE_DATA}/${dataset} "
                   "is absent")
  endif()
endforeach()
if(EXISTS "${bundled}/edges.csv")
  add_test(NAME oracle.structure.us-china-law-enforcement
           COMMAND ${ACTORNET_ORACLE_PYTHON} ${ACTORNET_STRUCTURE_ORACLE}
                   --actornet $<TARGET_FILE:actornet> --dataset-dir ${bundled}
                   --partition country --blocks)
endif()
if(EXISTS "${ACTORNET_ORACLE_DATA}/southern_women/edges.csv")
  add_test(NAME oracle.projection.southern_women
           COMMAND ${ACTORNET_ORACLE_PYTHON} ${ACTORNET_STRUCTURE_ORACLE}
                   --actornet $<TARGET_FILE:actornet> --data ${ACTORNET_ORACLE_DATA}
                   --dataset southern_women --projection woman)
endif()
if(EXISTS "${ACTORNET_ORACLE_DATA}/paul_revere/edges.csv")
  add_test(NAME oracle.projection.paul_revere
           COMMAND ${ACTORNET_ORACLE_PYTHON} ${ACTORNET_STRUCTURE_ORACLE}
                   --actornet $<TARGET_FILE:actornet> --data ${ACTORNET_ORACLE_DATA}
                   --dataset paul_revere --projection person --relations 2MODE
                   --shipped-layer 1MODE)
endif()

# Attack curves: each point of a curve against NetworkX recomputed after each removal.
set(ACTORNET_ATTACK_ORACLE "${CMAKE_CURRENT_SOURCE_DIR}/oracle/attack_oracle.py")
if(EXISTS "${ACTORNET_ORACLE_DATA}/noordin_top_139/edges.csv")
  add_test(NAME oracle.attack.noordin_top_139
           COMMAND ${ACTORNET_ORACLE_PYTHON} ${ACTORNET_ATTACK_ORACLE}
                   --actornet $<TARGET_FILE:actornet>
                   --data ${ACTORNET_ORACLE_DATA} --dataset noordin_top_139)
endif()
