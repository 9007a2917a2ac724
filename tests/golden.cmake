# Golden CLI tests: each runs actornet from the project root (so paths in messages are
# relative and the same on every machine) and compares its output with tests/golden/NAME.out
# (and NAME.out.err when present). Regenerate after an intended change with
#   ACTORNET_UPDATE_GOLDEN=1 ctest --test-dir build -R golden
# and review the diff before committing.
set(GOLDEN_DIR ${CMAKE_CURRENT_SOURCE_DIR}/golden)

function(actornet_golden name status)
  set(file ${GOLDEN_DIR}/${name}.out)
  if(NOT EXISTS ${file})
    file(TOUCH ${file})  # a new case starts empty and fails until its output is reviewed
  endif()
  add_test(NAME golden.${name}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/run_golden.sh ${file} ${status}
                   $<TARGET_FILE:actornet> ${ARGN}
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endfunction()

set(USCN datasets/us-china-law-enforcement)
set(BAD tests/golden/inputs)

foreach(format table csv json md)
  actornet_golden(info.${format} 0 info ${USCN} --format ${format})
  actornet_golden(validate.${format} 0 validate ${USCN} --format ${format})
  actornet_golden(centrality.${format} 0 centrality ${USCN} --format ${format})
endforeach()
actornet_golden(info.at-2025-06 0 info ${USCN} --at 2025-06)
actornet_golden(centrality.persons-met 0 centrality ${USCN} --where kind=person
                --relations met_with,called --parallel count --measures degree,strength,betweenness)
actornet_golden(centrality.weighted 0 centrality ${USCN} --parallel count --weights
                --lengths inverse --measures strength,betweenness,closeness,pagerank --top 10)
actornet_golden(centrality.all-measures 0 centrality ${USCN} --undirected --parallel any
                --measures all --top 12 --format csv)
actornet_golden(centrality.approx 0 centrality ${USCN} --measures degree,betweenness
                --approx 0.05 --confidence 0.1 --seed 3 --sort betweenness --top 12)
actornet_golden(centrality.approx-weighted 0 centrality ${USCN} --undirected --parallel count
                --weights --lengths inverse --measures betweenness,strength --approx 0.1 --seed 5
                --threads 2 --top 8 --format md)

# Usage and input errors: exit 2, a message naming what is wrong, nothing on stdout.
actornet_golden(error.no-input 2 info)
actornet_golden(error.unknown-measure 2 centrality ${USCN} --measures fame)
actornet_golden(error.bad-date 2 centrality ${USCN} --at 2024-13)
actornet_golden(error.bad-where 2 centrality ${USCN} --where "kind=person and (")
actornet_golden(error.unknown-field 2 centrality ${USCN} --where "countr=CN")
actornet_golden(error.unknown-relation 2 info ${USCN} --relations met)
actornet_golden(error.lengths-needed 2 centrality ${USCN} --weights --measures betweenness)
actornet_golden(error.approx-needs-betweenness 2 centrality ${USCN} --measures degree
                --approx 0.1)
actornet_golden(error.approx-epsilon 2 centrality ${USCN} --approx 1.5)
actornet_golden(error.missing-file 2 info ${BAD}/no-such-file.csv)
actornet_golden(error.missing-target 2 validate ${BAD}/missing-target.csv)
actornet_golden(error.bad-weight 2 validate ${BAD}/bad-weight.csv)
actornet_golden(error.unterminated-quote 2 validate ${BAD}/unterminated-quote.csv)
actornet_golden(error.strict 2 validate ${BAD}/undefined-node --strict)
actornet_golden(validate.created-nodes 0 validate ${BAD}/undefined-node)

# actornet report: the briefing folder end to end (files, self-containment, escaping, top
# actors, centrality.csv = `centrality --undirected --format csv`), and the page opened in
# headless Chromium when /usr/bin/chromium exists (skipped otherwise). The screenshot stays
# in the build folder for a human to look at.
add_test(NAME report.files COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/report_test.sh
                                   $<TARGET_FILE:actornet>
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
add_test(NAME report.chromium
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/report_chromium.sh $<TARGET_FILE:actornet>
                 ${CMAKE_CURRENT_BINARY_DIR}/report-screenshot.png
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(report.chromium PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 240)

# render: the styled DOT (before layout, so independent of fonts) and its errors.
actornet_golden(render.dot 0 render ${USCN} --format dot -o - --at 2024-07)
actornet_golden(render.bundle-focus 0 render ${USCN} --format dot -o - --focus id=wang_xiaohong
                --depth 1 --parallel-draw bundle --size-by pagerank)
actornet_golden(render.error-layout 2 render ${USCN} --layout spring -o out.svg)
actornet_golden(render.error-format 2 render ${USCN} -o out.jpeg)
actornet_golden(render.error-folder 2 render ${USCN} -o no-such-folder/out.svg)
actornet_golden(render.error-color-by 2 render ${USCN} --color-by colour -o out.svg)

# actornet resilience: China vs the United States on the bundled dataset, and overlapping sides.
foreach(format table csv)
  actornet_golden(resilience.${format} 0 resilience ${USCN} --side-a country=CN
                  --side-b country=US --format ${format})
endforeach()
actornet_golden(resilience.at-2025-02 0 resilience ${USCN} --side-a country=CN
                --side-b country=US --at 2025-02-01 --format md)
actornet_golden(error.resilience-overlap 2 resilience ${USCN} --side-a country=CN
                --side-b "kind=country")
actornet_golden(error.resilience-empty-side 2 resilience ${USCN} --side-a country=CN
                --side-b country=XX)
actornet_golden(error.resilience-empty-at-date 2 resilience ${USCN} --side-a country=CN
                --side-b "kind=event" --at 2030-01-01)
actornet_golden(error.resilience-bad-expression 2 resilience ${USCN} --side-a "country=CN and"
                --side-b country=US)
actornet_golden(error.resilience-unknown-domain 2 resilience ${USCN} --side-a country=CN
                --side-b country=US --domain topic)
include(${CMAKE_CURRENT_LIST_DIR}/golden_attack.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/golden_scenario.cmake)

# Event data (GDELT, ICEWS, ACLED), articles and timelines: the hand-made files of
# tests/golden/inputs/events and tests/golden/inputs/text.
set(EVENTS tests/golden/inputs/events)
set(TEXT tests/golden/inputs/text)
actornet_golden(events.gdelt-validate 0 validate ${EVENTS}/20150218.export.CSV)
actornet_golden(events.gdelt-zip-info 0 info ${EVENTS}/gdelt-clean.export.CSV.zip --format csv)
actornet_golden(events.gdelt-strict 2 validate ${EVENTS}/20150218.export.CSV --strict)
actornet_golden(events.gdelt-filters 0 validate ${EVENTS}/20150218.export.CSV --cameo 04,17
                --quad 1,4 --countries USA --events-from 2015-02-02 --events-to 2015-02
                --aggregate dyad-month --format csv)
actornet_golden(events.icews-aliases 0 validate ${EVENTS}/icews-sample.tab
                --aliases ${EVENTS}/aliases.csv --aggregate dyad --format md)
actornet_golden(events.acled-validate 0 validate ${EVENTS}/acled-sample.csv --format json)
actornet_golden(events.icews-export 0 export ${EVENTS}/icews-sample.tab --aliases
                ${EVENTS}/aliases.csv --event-relation event -o - --format json)
actornet_golden(error.events-options-on-csv 2 validate ${USCN} --aggregate dyad)
actornet_golden(error.events-bad-cameo 2 validate ${EVENTS}/icews-sample.tab --cameo 99)
actornet_golden(timeline.uscn-year 0 timeline ${USCN} --measure betweenness --every year
                --top 10)
actornet_golden(timeline.icews-window 0 timeline ${EVENTS}/icews-sample.tab --aliases
                ${EVENTS}/aliases.csv --measure degree --every month --window 1m --format csv)
actornet_golden(error.timeline-at 2 timeline ${USCN} --at 2024)
actornet_golden(error.timeline-every 2 timeline ${USCN} --every fortnight)
actornet_golden(import-text.listing 0 import-text ${TEXT}/2024-04-16-beijing.txt
                ${TEXT}/video-call.html --gazetteer ${TEXT}/gazetteer.csv --format csv)
add_test(NAME timeline.matches-centrality-at
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/timeline_check.sh $<TARGET_FILE:actornet>
                 ${USCN} betweenness year
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
add_test(NAME timeline.matches-centrality-at-quarterly
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/timeline_check.sh $<TARGET_FILE:actornet>
                 ${USCN} pagerank quarter --undirected --relations met_with,called,holds_office
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# Structure: brokerage (with structural holes), communities, cohesion, the two-mode projection
# (a small people x forums file), community colours in the diagram and structural attributes in
# the GEXF export.
set(TWO_MODE ${BAD}/two-mode)
actornet_golden(brokerage.table 0 brokerage ${USCN} --partition country --top 10)
actornet_golden(brokerage.json 0 brokerage ${USCN} --partition side --top 3 --sort liaison
                --format json)
actornet_golden(brokerage.undirected-md 0 brokerage ${USCN} --partition kind --undirected
                --parallel any --top 5 --format md)
actornet_golden(communities.table 0 communities ${USCN})
actornet_golden(communities.louvain-csv 0 communities ${USCN} --method louvain --seed 7
                --resolution 1.5 --format csv)
actornet_golden(communities.label-propagation 0 communities ${USCN} --method label-propagation
                --partition kind --top-actors 1)
actornet_golden(cohesion.table 0 cohesion ${USCN} --blocks)
actornet_golden(cohesion.json 0 cohesion ${USCN} --at 2024-07 --relations met_with,called
                --format json)
actornet_golden(projection.brokerage 0 brokerage ${TWO_MODE} --project person
                --partition country)
actornet_golden(projection.newman 0 communities ${TWO_MODE} --project person
                --projection-weights newman --weights --at 2023-11-15)
actornet_golden(projection.cohesion 0 cohesion ${TWO_MODE} --project "kind=person and not id=garcia"
                --relations member_of,co_chairs --blocks)
actornet_golden(projection.export 0 export ${TWO_MODE} --project person --format json -o -
                --with-structure community,brokerage,coreness --partition country)
actornet_golden(render.community 0 render ${USCN} --format dot -o - --color-by community)
actornet_golden(export.structure-gexf 0 export ${USCN} --format gexf -o - --at 2024-07
                --with-structure community,component,coreness,cohesion,articulation,brokerage,effective_size,efficiency,constraint
                --partition country --color-by community)
actornet_golden(error.brokerage-partition 2 brokerage ${USCN} --partition colour)
actornet_golden(error.brokerage-no-groups 2 brokerage ${TWO_MODE} --project person --partition side)
actornet_golden(error.project-nothing 2 communities ${USCN} --project council)
actornet_golden(error.project-selects-nothing 2 communities ${USCN} --project
                "kind=person and label~zzz")
actornet_golden(error.with-structure 2 export ${USCN} -o - --format gexf --with-structure fame)
