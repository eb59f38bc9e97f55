// catch_discover_tests hands each test case's name to ctest, which splits lists at ';'
// and whose filter reads '[' as a tag, ',' as "or" and '*' or '\' as patterns: a name
// with one of them becomes another test, or several merged into one that runs none.
#include <catch2/catch.hpp>

#include <string>

TEST_CASE("every test name survives ctest registration") {
  const auto& all = Catch::getRegistryHub().getTestCaseRegistry().getAllTests();
  REQUIRE(all.size() > 100);
  for (const Catch::TestCase& test : all) {
    INFO(test.name);
    CHECK(test.name.find_first_of("[];*\\") == std::string::npos);
    CHECK_FALSE(test.name.empty());
    CHECK(test.name.front() != '~');
    CHECK(test.name.front() != ' ');
    CHECK(test.name.back() != ' ');
  }
}
