// policyc entry point: the command line lives in cli/cli.cpp.
#include <iostream>

#include "cli/cli.hpp"

int main(int argc, char** argv) { return policyc::run_cli(argc, argv, std::cout, std::cerr); }
