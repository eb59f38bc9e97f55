// The floor: the least work any tool must do to turn a bottle into an allowlist with
// the same YAML library. It reads the bottle with yaml-cpp, collects the host strings
// (egress.allowlist and egress_proxy.routes[].host), sorts and de-duplicates them and
// prints them as a YAML list. Whatever policyc costs above this is overhead.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: policyc_floor BOTTLE.yaml\n");
    return 2;
  }
  std::vector<std::string> hosts;
  try {
    const YAML::Node bottle = YAML::LoadFile(argv[1]);
    if (const YAML::Node egress = bottle["egress"]) {
      for (const YAML::Node& host : egress["allowlist"]) {
        if (host.IsScalar()) hosts.push_back(host.Scalar());
      }
    }
    if (const YAML::Node proxy = bottle["egress_proxy"]) {
      for (const YAML::Node& route : proxy["routes"]) {
        if (const YAML::Node host = route["host"]) hosts.push_back(host.as<std::string>());
      }
    }
  } catch (const YAML::Exception& e) {
    std::fprintf(stderr, "policyc_floor: %s\n", e.what());
    return 1;
  }
  std::sort(hosts.begin(), hosts.end());
  hosts.erase(std::unique(hosts.begin(), hosts.end()), hosts.end());
  std::string out = "api_allowlist:\n";
  for (const std::string& host : hosts) out += "  - \"" + host + "\"\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
