// policyc entry point: the command line lives in compiler/cli.cpp.
#include <iostream>

#include "compiler/cli.hpp"

int main(int argc, char** argv) { return policyc::run_cli(argc, argv, std::cout, std::cerr); }
