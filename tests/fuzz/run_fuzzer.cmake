# One bounded libFuzzer run for ctest: cmake -DFUZZER=exe -DSECONDS=n -DWORK=dir
# -DCORPORA="dir;dir" -P run_fuzzer.cmake. New inputs go to WORK (emptied first), never
# into the checked-in corpora; a crash, leak, hang or OOM fails the test and is saved in
# WORK/artifacts/. With -DREASON=why the fuzzer could not be built: skipped, or under CI=true
# a failure.
if(DEFINED REASON)
  if("$ENV{CI}" STREQUAL "true")
    message(FATAL_ERROR "CI=true, and the libFuzzer targets are not built: ${REASON}")
  endif()
  message("[  SKIPPED ] ${REASON}")
  return()
endif()
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/new ${WORK}/artifacts)
execute_process(
  COMMAND ${FUZZER} -max_total_time=${SECONDS} -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
          -artifact_prefix=${WORK}/artifacts/ ${WORK}/new ${CORPORA}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${FUZZER} failed (exit ${rc}); the input is in ${WORK}/artifacts/")
endif()
