#include "base/shared_text.hpp"

#include <cstring>
#include <limits>
#include <new>
#include <stdexcept>

namespace policyc {

SharedText::SharedText(std::string_view text) {
  if (text.empty()) return;
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("SharedText: text longer than 4 GiB");
  }
  void* memory = ::operator new(sizeof(Rep) + text.size());
  rep_ = new (memory) Rep;
  rep_->size = static_cast<std::uint32_t>(text.size());
  std::memcpy(const_cast<char*>(rep_->text()), text.data(), text.size());
}

SharedText& SharedText::operator=(const SharedText& other) noexcept {
  if (rep_ != other.rep_) {
    other.retain();
    release();
    rep_ = other.rep_;
  }
  return *this;
}

SharedText& SharedText::operator=(SharedText&& other) noexcept {
  if (this != &other) {
    release();
    rep_ = other.rep_;
    other.rep_ = nullptr;
  }
  return *this;
}

void SharedText::release() {
  if (rep_ && rep_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    rep_->~Rep();
    ::operator delete(rep_);
  }
  rep_ = nullptr;
}

}  // namespace policyc
