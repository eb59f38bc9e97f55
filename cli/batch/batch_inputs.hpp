// What `policyc compile --out-dir DIR BOTTLES...` compiles and where each config goes.
#pragma once
#include <string>
#include <vector>

#include "base/diagnostic.hpp"

namespace policyc {

struct BatchBottle {
  std::string path;       // as given, or folder/file for a file found in a folder
  std::string output;     // DIR/<name><extension>, name being the file name without extension
  bool excluded = false;  // refused before compiling (E0902): counts as failed
};

/// The bottles named by `inputs`: a file is taken as given; a folder gives its files
/// ending in .yaml, .yml, .md or .markdown (not hidden ones, not subfolders), sorted by
/// name. A file named twice is compiled once. A folder without bottles, or one that
/// cannot be listed, is an error (E0903).
std::vector<BatchBottle> collect_bottles(const std::vector<std::string>& inputs,
                                         const std::string& out_dir, const std::string& extension,
                                         DiagnosticSink& diags);

/// Marks and reports (E0902) bottles whose output is another bottle's output, or one of
/// the bottles themselves: none of them is compiled, so no config silently replaces
/// another and no bottle is overwritten by a config.
void exclude_output_conflicts(std::vector<BatchBottle>& bottles, DiagnosticSink& diags);

}  // namespace policyc
