// Helpers for the tests that read the foreign example files of /work/shared/data.
#pragma once

#include <filesystem>
#include <string>

#include <doctest/doctest.h>

#include "importers/import.hpp"

namespace actornet::testing {

/// Whether the shared data folder is there (a message says the test is skipped otherwise).
inline bool have_shared_data() {
  if (std::filesystem::is_directory(ACTORNET_SHARED_DATA)) return true;
  MESSAGE("skipped: " ACTORNET_SHARED_DATA " is absent");
  return false;
}

/// The path of a file of the shared data folder.
inline std::string shared_file(const std::string& relative) {
  return std::string(ACTORNET_SHARED_DATA) + "/" + relative;
}

/// Reads one shared file.
inline importers::ImportResult import_shared(const std::string& relative,
                                             const importers::ImportOptions& options = {}) {
  return importers::import_graph({shared_file(relative)}, options);
}

}  // namespace actornet::testing
