# Golden CLI tests of the attack curves of `actornet resilience` (cli/attack.hpp). Included
# from tests/golden.cmake, after actornet_golden, USCN and BAD are defined there.
set(USCN_SIDES --side-a country=CN --side-b country=US)

actornet_golden(resilience.attack-csv 0 resilience ${USCN} ${USCN_SIDES}
                --attack degree,tenure-end --format csv)
actornet_golden(resilience.attack-recomputed 0 resilience ${USCN} ${USCN_SIDES}
                --attack cross_betweenness,degree --recomputed --format csv)
actornet_golden(resilience.attack-random 0 resilience ${USCN} ${USCN_SIDES}
                --attack random --seed 7 --runs 5 --format csv)
actornet_golden(resilience.attack-list 0 resilience ${USCN} ${USCN_SIDES} --at 2024-06
                --attack list,tenure-end --attack-list wang_xiaohong,mayorkas,blinken)

# Usage and input errors: exit 2, a message naming what is wrong, nothing on stdout.
actornet_golden(error.attack-unknown-order 2 resilience ${USCN} ${USCN_SIDES} --attack fame)
actornet_golden(error.attack-unknown-id 2 resilience ${USCN} ${USCN_SIDES}
                --attack list --attack-list wang_xiaohong,nobody)
actornet_golden(error.attack-list-missing 2 resilience ${USCN} ${USCN_SIDES} --attack list)
actornet_golden(error.attack-curve-alone 2 resilience ${USCN} ${USCN_SIDES} --curve curve.svg)

# --curve writes a chart: three panels, one line per order in each, and no partial file on
# error (tests/attack_curve_test.sh).
add_test(NAME resilience.attack-curve
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/attack_curve_test.sh $<TARGET_FILE:actornet>
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
