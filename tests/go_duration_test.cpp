// Durations as pipelock reads them (Go's time.ParseDuration, above zero), in linear time.
#include <catch2/catch.hpp>

#include "pipeline/driver.hpp"
#include "policy_test_support.hpp"
#include "pipelock/schema/go_duration.hpp"

using policyc::is_positive_go_duration;

TEST_CASE("Go durations: what pipelock accepts as positive") {
  for (const char* ok : {"24h", "1h30m", "1.5s", "1.s", ".5s", "+90m", "300ms", "10us",
                         "10\xc2\xb5s", "10\xce\xbcs", "1ns", "0h1m", "1m0s"}) {
    INFO(ok);
    CHECK(is_positive_go_duration(ok));
  }
  for (const char* bad : {"", "0", "0s", "0h0m", "-1h", "1", "h", "1x", "1 h", "1h ", ".s", "1..5s",
                          "+", "++1h", "1hh", "1sm", "1H", "\xc2\xb5s"}) {
    INFO(bad);
    CHECK_FALSE(is_positive_go_duration(bad));
  }
}

TEST_CASE("a megabyte-long duration from the manifest is checked without a stack overflow") {
  // std::regex recursed once per character here and crashed on this input.
  auto checked = policyc::testing::check_files({{"main.policy", R"(manifest bottle { ttl: string }
output pipelock {
  version = 1
  tls_interception {
    enabled = true
    ca_cert = "/a"
    ca_key = "/b"
    cert_ttl = bottle.ttl
  }
}
)"}});
  REQUIRE(checked->program);
  std::string ttl;
  for (int i = 0; i < 250000; ++i) ttl += "1h";
  policyc::SourceManager& sources = checked->sources;
  policyc::DiagnosticSink diags;
  policyc::FileId bottle = sources.add("bottle.yaml", "ttl: \"" + ttl + "\"\n");
  auto compiled = policyc::compile_manifest(std::move(checked->program), bottle, {}, sources, diags);
  REQUIRE(compiled);
  CHECK(compiled->yaml.find("cert_ttl: \"1h1h1h") != std::string::npos);

  CHECK_FALSE(is_positive_go_duration(std::string(1 << 20, '1')));
  CHECK(is_positive_go_duration(std::string(1 << 20, '1') + "s"));
}
