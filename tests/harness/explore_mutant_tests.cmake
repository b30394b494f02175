# Read by ctest before it runs: one explore.mutant.<name> test for every mutant that
# `wnetconf run --list-mutants` names (its lines are "<name>  <what it breaks>").
execute_process(COMMAND ${WNETCONF} run --list-mutants RESULT_VARIABLE rc OUTPUT_VARIABLE listing ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR listing STREQUAL "")
  # A binary that cannot list its mutants is a failing test, not an empty list.
  add_test(explore.mutant.cannot-list-mutants ${CMAKE_PROGRAM} -E false)
  set_tests_properties(explore.mutant.cannot-list-mutants PROPERTIES LABELS "explore;mutant")
  return()
endif()
string(REPLACE "\n" ";" lines "${listing}")
foreach(line IN LISTS lines)
  if(line MATCHES "^([a-z-]+)  ")
    set(mutant ${CMAKE_MATCH_1})
    add_test(explore.mutant.${mutant} ${CMAKE_PROGRAM} -DWNETCONF=${WNETCONF} -DMUTANT=${mutant} -DSEED=1 -DCASES=3000
             -DDIR=${MUTANT_DIR}/${mutant} -P ${ROUND_TRIP})
    set_tests_properties(explore.mutant.${mutant} PROPERTIES LABELS "explore;mutant")
  endif()
endforeach()
