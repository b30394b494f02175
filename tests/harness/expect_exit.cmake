# Runs CMD with ARGS and fails unless it exits with EXPECT_EXIT and, when EXPECT_STDERR or
# EXPECT_STDOUT is given, its stderr or stdout matches that regular expression.
execute_process(COMMAND ${CMD} ${ARGS} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL EXPECT_EXIT)
  message(FATAL_ERROR "expected exit ${EXPECT_EXIT}, got ${rc}\n${out}\n${err}")
endif()
if(DEFINED EXPECT_STDERR AND NOT err MATCHES "${EXPECT_STDERR}")
  message(FATAL_ERROR "expected stderr matching '${EXPECT_STDERR}', got:\n${err}")
endif()
if(DEFINED EXPECT_STDOUT AND NOT out MATCHES "${EXPECT_STDOUT}")
  message(FATAL_ERROR "expected stdout matching '${EXPECT_STDOUT}', got:\n${out}")
endif()
