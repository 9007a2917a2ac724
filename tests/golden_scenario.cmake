# actornet scenario: golden CLI cases (uses actornet_golden, USCN and BAD from golden.cmake).
set(USCN_SCENARIO ${USCN}/scenarios/administration-change)

# The change of U.S. administration: countries' view and persons' view, before and after.
actornet_golden(scenario.transition 0 scenario ${USCN} --side-a country=CN --side-b country=US
                --transition 2025-01-20 --dates 2024-12-01,2025-02-01)
actornet_golden(scenario.transition-persons 0 scenario ${USCN} --side-a "kind=person and country=CN"
                --side-b "kind=person and country=US" --kinds person,position,forum
                --transition 2025-01-20 --dates 2024-12-01,2025-02-01)
# The example file, YAML and JSON, in every format; a monthly grid with successors only.
actornet_golden(scenario.file.table 0 scenario ${USCN} --side-a country=CN --side-b country=US
                --scenario ${USCN_SCENARIO}.yaml)
actornet_golden(scenario.file.json 0 scenario ${USCN} --side-a country=CN --side-b country=US
                --scenario ${USCN_SCENARIO}.json --format json)
actornet_golden(scenario.file.csv 0 scenario ${USCN} --side-a country=CN --side-b country=US
                --scenario ${USCN_SCENARIO}.yaml --format csv)
actornet_golden(scenario.file.md 0 scenario ${USCN} --side-a country=CN --side-b country=US
                --scenario ${USCN_SCENARIO}.json --format md)
actornet_golden(scenario.grid 0 scenario ${USCN} --side-a country=CN --side-b country=US
                --scenario ${USCN_SCENARIO}.yaml --every month --successors yes --format csv)

# Bad input: exit 2, a message naming what is wrong, nothing on stdout.
actornet_golden(error.scenario-nothing 2 scenario ${USCN} --side-a country=CN
                --side-b country=US)
actornet_golden(error.scenario-overlap 2 scenario ${USCN} --side-a country=CN
                --side-b "country=CN or country=US" --transition 2025-01-20)
actornet_golden(error.scenario-empty-side 2 scenario ${USCN} --side-a country=XX
                --side-b country=US --transition 2025-01-20)
actornet_golden(error.scenario-side-gone 2 scenario ${USCN} --side-a "kind=person and country=CN"
                --side-b "id=biden" --transition 2025-01-20)
actornet_golden(error.scenario-bad-expression 2 scenario ${USCN} --side-a "country=CN and ("
                --side-b country=US --transition 2025-01-20)
actornet_golden(error.scenario-unknown-node 2 scenario ${USCN} --side-a country=CN
                --side-b country=US --scenario ${BAD}/scenario-unknown-node.yaml)
actornet_golden(error.scenario-bad-date 2 scenario ${USCN} --side-a country=CN
                --side-b country=US --scenario ${BAD}/scenario-bad-date.json)
actornet_golden(error.scenario-suspend-until 2 scenario ${USCN} --side-a country=CN
                --side-b country=US --scenario ${BAD}/scenario-suspend-until.yaml)
actornet_golden(error.scenario-transition-date 2 scenario ${USCN} --side-a country=CN
                --side-b country=US --transition 2025-01-32)
actornet_golden(error.scenario-no-tenure-ends 2 scenario ${USCN} --side-a country=CN
                --side-b country=US --transition 2025-01-21)
