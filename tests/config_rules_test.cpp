// One test per rule of pipelock 2.3.0's Load and Validate that `policyc validate` gained
// or corrected after the audit in docs/review.md ("Where each rule of pipelock's loader
// lives"): the exact message and position, and the near miss pipelock accepts.
#include <catch2/catch.hpp>

#include "config_findings.hpp"

using policyc::testing::findings;
using policyc::testing::Lines;

TEST_CASE("suppress: each entry names a rule and a path") {
  CHECK(findings("suppress:\n  - path: /tmp\n") ==
        Lines{"2:5: error: suppress[0].rule is required for every suppress entry [E0708]"});
  CHECK(findings("suppress:\n  - rule: aws_key\n    reason: test fixtures\n") ==
        Lines{"2:5: error: suppress[0].path is required for every suppress entry [E0708]"});
  CHECK(findings("suppress:\n  - rule: aws_key\n    path: tests/*.json\n").empty());
}

TEST_CASE("suppress: a path with a glob character is a valid Go glob") {
  CHECK(findings("suppress:\n  - rule: aws_key\n    path: 'fixtures/[a-'\n") ==
        Lines{"3:11: error: suppress[0].path 'fixtures/[a-' is not a valid glob: a '[' class "
              "must be closed and hold at least one character or range, and a '\\' must escape "
              "something [E0707]"});
  // Without * ? or [ pipelock does not call path.Match: a lone backslash passes.
  CHECK(findings("suppress:\n  - rule: aws_key\n    path: 'C:\\dir\\'\n").empty());
  CHECK(findings("suppress:\n  - rule: aws_key\n    path: 'a/[!x]*\\?'\n").empty());
}

TEST_CASE("scan_api: with listen set, bearer tokens present and not blank") {
  CHECK(findings("scan_api:\n  listen: 127.0.0.1:9200\n") ==
        Lines{"2:3: error: scan_api.auth.bearer_tokens is required when scan_api.listen is set "
              "[E0708]"});
  CHECK(findings("scan_api:\n  listen: 127.0.0.1:9200\n  auth:\n    bearer_tokens: ['  ']\n") ==
        Lines{"4:21: error: scan_api.auth.bearer_tokens[0] is empty [E0706]"});
  CHECK(findings("scan_api:\n  auth:\n    bearer_tokens: []\n").empty());  // not listening
}

TEST_CASE("scan_api: timeouts positive durations, limits not negative") {
  const std::string listening =
      "scan_api:\n  listen: 127.0.0.1:9200\n  auth:\n    bearer_tokens: [s3cret]\n";
  CHECK(findings(listening + "  timeouts:\n    scan: 0s\n    read: 2\n") ==
        Lines{"6:11: error: scan_api.timeouts.scan '0s' is not a positive duration such as 24h, "
              "90m or 2s [E0707]",
              "7:11: error: scan_api.timeouts.read '2' is not a positive duration such as 24h, "
              "90m or 2s [E0707]"});
  CHECK(findings(listening + "  connection_limit: -1\n  max_body_bytes: -2\n") ==
        Lines{"5:21: error: scan_api.connection_limit is -1; pipelock 2.3.0 refuses a negative "
              "value [E0707]",
              "6:19: error: scan_api.max_body_bytes is -2; pipelock 2.3.0 refuses a negative "
              "value [E0707]"});
  CHECK(findings(listening + "  timeouts:\n    write: 1m30s\n  connection_limit: 0\n").empty());
}

TEST_CASE("file_sentry.watch_paths: a relative path must stay in the config's folder") {
  CHECK(findings("file_sentry:\n  watch_paths: [src, '../home', 'a/../../b', a/b/../..]\n") ==
        Lines{"2:22: error: file_sentry.watch_paths[1] '../home' leaves the config file's "
              "folder; pipelock 2.3.0 refuses it (write an absolute path instead) [E0707]",
              "2:33: error: file_sentry.watch_paths[2] 'a/../../b' leaves the config file's "
              "folder; pipelock 2.3.0 refuses it (write an absolute path instead) [E0707]"});
  CHECK(findings("file_sentry:\n  watch_paths: [/srv/../etc, ..cache, ./x/..]\n").empty());
}

TEST_CASE("git_protection: allowed branch patterns are present and valid globs") {
  CHECK(findings("git_protection:\n  enabled: true\n  allowed_branches: ['', 'feat/[']\n") ==
        Lines{"3:22: error: git_protection.allowed_branches[0] is empty [E0706]",
              "3:26: error: git_protection.allowed_branches[1] 'feat/[' is not a valid glob: a "
              "'[' class must be closed and hold at least one character or range, and a '\\' "
              "must escape something [E0707]"});
  CHECK(findings("git_protection:\n  allowed_branches: ['feat/[']\n").empty());  // disabled
}

TEST_CASE("taint: protected and elevated paths are valid globs, whether enabled or not") {
  CHECK(findings("taint:\n  protected_paths: ['*.pem', '[]']\n  elevated_paths: ['']\n") ==
        Lines{"2:30: error: taint.protected_paths[1] '[]' is not a valid glob: a '[' class "
              "must be closed and hold at least one character or range, and a '\\' must escape "
              "something [E0707]",
              "3:20: error: taint.elevated_paths[0] is empty [E0706]"});
}

TEST_CASE("airlock: checked only when enabled, and triggers never weaken as the level rises") {
  const std::string profiling = "session_profiling:\n  enabled: true\n";
  CHECK(findings("airlock:\n  triggers:\n    on_high: nonsense\n").empty());
  CHECK(findings(profiling + "airlock:\n  enabled: true\n  triggers:\n    on_elevated: hard\n") ==
        Lines{"4:12: error: airlock.triggers must not weaken as the level rises: on_elevated "
              "(hard), on_high (soft), on_critical (hard) [E0709]"});
  CHECK(findings(profiling + "airlock:\n  enabled: true\n  timers:\n    drain_minutes: -1\n") ==
        Lines{"6:20: error: airlock.timers.drain_minutes is -1; pipelock 2.3.0 refuses a "
              "negative value [E0707]"});
  CHECK(findings(profiling +
                 "airlock:\n  enabled: true\n  triggers:\n    on_elevated: soft\n    on_high: "
                 "soft\n    on_critical: drain\n")
            .empty());
}

TEST_CASE("limits pipelock replaces by its default when not positive are not refused") {
  // ApplyDefaults runs before Validate: these become pipelock's defaults.
  CHECK(findings("forward_proxy:\n  enabled: true\n  idle_timeout_seconds: -1\n"
                 "websocket_proxy:\n  enabled: true\n  max_message_bytes: -5\n"
                 "tls_interception:\n  cert_cache_size: -1\n  max_response_bytes: -1\n"
                 "session_profiling:\n  enabled: true\n  max_sessions: -1\n  domain_burst: -1\n"
                 "mcp_ws_listener:\n  max_connections: -3\n")
            .empty());
}

TEST_CASE("enumerated values come from the one schema table, and the zero value is the default") {
  CHECK(findings("mode: strct\napi_allowlist: [a.example]\n") ==
        Lines{"1:7: error: mode 'strct' is not one of strict, balanced, audit; did you mean "
              "'strict'? [E0703]"});
  CHECK(findings("mode: ''\nseed_phrase_detection:\n  min_words: 0\n").empty());
  CHECK(findings("request_body_scanning:\n  enabled: true\n  header_mode: every\n") ==
        Lines{"3:16: error: request_body_scanning.header_mode 'every' is not one of sensitive, "
              "all [E0703]"});
}
