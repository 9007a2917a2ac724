# Fails listing every C++ source under ROOT that clang-format would change.
file(GLOB_RECURSE sources
  ${ROOT}/graph/*.[ch]pp ${ROOT}/importers/*.[ch]pp ${ROOT}/analyses/*.[ch]pp
  ${ROOT}/cli/*.[ch]pp ${ROOT}/viz/*.[ch]pp ${ROOT}/exporters/*.[ch]pp ${ROOT}/tests/*.[ch]pp
  ${ROOT}/bench/*.[ch]pp)
set(bad "")
foreach(f ${sources})
  execute_process(COMMAND ${CLANG_FORMAT} --dry-run -Werror ${f}
                  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
  if(NOT rc EQUAL 0)
    list(APPEND bad ${f})
  endif()
endforeach()
if(bad)
  list(JOIN bad "\n  " text)
  message(FATAL_ERROR "not clang-formatted (run clang-format -i on them):\n  ${text}")
endif()
