// Generated bottles for the scale benchmarks: N allowlist hosts and N/10 routes, in a
// fixed shuffled order with some repeats, so sorting and de-duplication do real work.
#pragma once
#include <cstddef>
#include <string>

namespace policyc::bench {

/// The text of a bottle manifest with `hosts` allowlist hosts and `hosts / 10` routes
/// (half with auth, a third with a path allowlist). Same `hosts`, same bytes.
std::string generate_bottle(std::size_t hosts);

}  // namespace policyc::bench
