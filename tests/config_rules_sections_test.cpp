// Rules of pipelock 2.3.0's Validate for sections the shipped policy never enables
// (browser_shield, media_policy, taint, mediation_envelope, redaction, agents, rules,
// tool_chain_detection, emit.syslog, MCP redirect profiles): each rule's exact message and
// position, and a config that passes beside it. Found by scripts/coverage.sh as the
// largest regions no test ran.
#include <catch2/catch.hpp>

#include "config_findings.hpp"

using policyc::testing::findings;
using policyc::testing::Lines;

TEST_CASE("browser_shield: strictness, warn only when minimal, a positive size") {
  CHECK(findings("browser_shield:\n  enabled: true\n  max_shield_bytes: 10\n") ==
        Lines{"2:3: error: browser_shield.strictness is required when browser_shield is enabled "
              "(a config file has no default) [E0708]"});
  CHECK(findings("browser_shield:\n  enabled: true\n  strictness: standard\n  oversize_action: "
                 "warn\n  max_shield_bytes: 10\n") ==
        Lines{"4:20: error: browser_shield.oversize_action 'warn' is allowed only with strictness "
              "'minimal' [E0709]"});
  CHECK(findings("browser_shield:\n  enabled: true\n  strictness: minimal\n  max_shield_bytes: 0\n") ==
        Lines{"4:21: error: browser_shield.max_shield_bytes must be above zero [E0707]"});
  CHECK(findings("browser_shield:\n  enabled: true\n  strictness: minimal\n  oversize_action: "
                 "warn\n  max_shield_bytes: 1048576\n")
            .empty());
  CHECK(findings("browser_shield:\n  strictness: standard\n  oversize_action: warn\n").empty());
}

TEST_CASE("media_policy: allowed image types are concrete raster types") {
  CHECK(findings("media_policy:\n  allowed_image_types: [image/png, image/svg+xml, text/html]\n") ==
        Lines{"2:36: error: media_policy.allowed_image_types[1] 'image/svg+xml' is not a concrete "
              "raster image type such as image/png [E0707]",
              "2:51: error: media_policy.allowed_image_types[2] 'text/html' is not a concrete "
              "raster image type such as image/png [E0707]"});
  CHECK(findings("media_policy:\n  allowed_image_types: [image/png, image/webp]\n").empty());
}

TEST_CASE("taint: each trust override has its scope's match and an expiry") {
  CHECK(findings("taint:\n  trust_overrides:\n    - scope: action\n    - scope: source\n"
                 "      source_match: x\n      expires_at: 2026-01-01T00:00:00Z\n") ==
        Lines{"3:7: error: taint.trust_overrides[0].action_match is required when scope is action "
              "[E0708]",
              "3:7: error: taint.trust_overrides[0].expires_at is required for every trust "
              "override [E0708]"});
}

TEST_CASE("mediation_envelope: signing needs the envelope and a key, components once each") {
  CHECK(findings("mediation_envelope:\n  sign: true\n") ==
        Lines{"2:3: error: mediation_envelope.signing_key_path is required when "
              "mediation_envelope.sign is true [E0708]",
              "2:9: error: mediation_envelope.sign needs mediation_envelope.enabled: true [E0708]"});
  CHECK(findings("mediation_envelope:\n  signed_components: ['@method', '@method', 'body']\n") ==
        Lines{"2:34: error: mediation_envelope.signed_components[1] '@method' is listed twice "
              "[E0707]",
              "2:45: error: mediation_envelope.signed_components[2] 'body' is not one of @method, "
              "@target-uri, @authority, content-digest, pipelock-mediation [E0703]"});
  CHECK(findings("mediation_envelope:\n  signed_components: ['@method', content-digest]\n").empty());
}

TEST_CASE("redaction: a default profile that exists, and body scanning on") {
  CHECK(findings("redaction:\n  enabled: true\n") ==
        Lines{"2:3: error: redaction.default_profile is required when redaction is enabled "
              "[E0708]"});
  CHECK(findings("redaction:\n  enabled: true\n  default_profile: strict\n  profiles:\n"
                 "    lax: {}\nrequest_body_scanning:\n  enabled: false\n") ==
        Lines{"2:12: error: redaction needs request_body_scanning.enabled: true [E0708]",
              "3:20: error: redaction.default_profile 'strict' is not a key of redaction.profiles "
              "[E0708]"});
  CHECK(findings("redaction:\n  enabled: true\n  default_profile: lax\n  profiles:\n    lax: {}\n")
            .empty());
}

TEST_CASE("agents: names, and a profile's keys found under a dotted name") {
  CHECK(findings("agents:\n  anonymous:\n    mode: strict\n  'bad name':\n    mode: strict\n") ==
        Lines{"2:3: error: agent name 'anonymous' must be 1 to 64 of [a-zA-Z0-9._-] and not "
              "'anonymous' [E0707]",
              "4:3: error: agent name 'bad name' must be 1 to 64 of [a-zA-Z0-9._-] and not "
              "'anonymous' [E0707]"});
  CHECK(findings("agents:\n  team.a:\n    mode: bogus\n") ==
        Lines{"3:11: error: agents.team.a.mode 'bogus' is not one of strict, balanced, audit "
              "[E0703]"});
  CHECK(findings("agents:\n  team.a:\n    mode: audit\n").empty());
}

TEST_CASE("rules: trusted keys are Ed25519 hex, disabled entries are bundle:rule or globs") {
  CHECK(findings("rules:\n  trusted_keys:\n    - public_key: ABCDEF\n    - name: x\n") ==
        Lines{"3:19: error: rules.trusted_keys[0].public_key must be 64 lowercase hex characters "
              "(an Ed25519 key) [E0707]",
              "4:7: error: rules.trusted_keys[1].public_key is required for every trusted key "
              "[E0708]"});
  CHECK(findings("rules:\n  trusted_keys:\n    - public_key: " + std::string(64, 'a') + "\n")
            .empty());
  CHECK(findings("rules:\n  disabled: [plainname, 'bundle:rule', 'glob*']\n") ==
        Lines{"2:14: error: rules.disabled[0] 'plainname' is neither bundle:rule nor a glob "
              "[E0707]"});
}

TEST_CASE("tool_chain_detection: override actions, and chains of two tools or more") {
  CHECK(findings("tool_chain_detection:\n  enabled: true\n  pattern_overrides:\n"
                 "    read_then_send: allow\n    ok: warn\n  custom_patterns:\n    - name: a\n"
                 "      sequence: [read]\n    - sequence: [read, write]\n") ==
        Lines{"4:21: error: tool_chain_detection.pattern_overrides.read_then_send 'allow' is not "
              "one of warn, block [E0703]",
              "8:17: error: tool_chain_detection.custom_patterns[0].sequence has one tool; a chain "
              "needs at least two [E0707]",
              "9:7: error: tool_chain_detection.custom_patterns[1].name is required for every "
              "custom pattern [E0708]"});
  // Off, the section is not checked, as pipelock skips it.
  CHECK(findings("tool_chain_detection:\n  pattern_overrides:\n    x: allow\n").empty());
}

TEST_CASE("emit.syslog: a udp or tcp address, and a facility syslog knows") {
  CHECK(findings("emit:\n  syslog:\n    address: udp://127.0.0.1:514\n    facility: locl0\n") ==
        Lines{"4:15: error: emit.syslog.facility 'locl0' is not one of kern, user, mail, daemon, "
              "auth, syslog, lpr, news, uucp, local0, local1, local2, local3, local4, local5, "
              "local6, local7; did you mean 'local0'? [E0703]"});
  CHECK(findings("emit:\n  syslog:\n    address: 127.0.0.1:514\n") ==
        Lines{"3:14: error: emit.syslog.address '127.0.0.1:514' is not udp://host:port or "
              "tcp://host:port [E0707]"});
  CHECK(findings("emit:\n  syslog:\n    address: tcp://logs:514\n    facility: local3\n").empty());
}

TEST_CASE("mcp_tool_policy: redirect profiles run an absolute program when asked to") {
  CHECK(findings("mcp_tool_policy:\n  enabled: true\n  action: warn\n  rules:\n    - name: r\n"
                 "      tool_pattern: x\n      action: redirect\n      redirect_profile: p\n"
                 "  redirect_profiles:\n    p:\n      exec: []\n    q:\n      exec: [bin/tool]\n"
                 "      match_abs_path: true\n") ==
        Lines{"11:7: error: mcp_tool_policy.redirect_profiles.p.exec is required with a non-empty "
              "program in exec[0] [E0708]",
              "13:14: error: mcp_tool_policy.redirect_profiles.q.exec[0] 'bin/tool' must be an "
              "absolute path when match_abs_path is true [E0707]"});
}
