// Immutable text shared by reference count. Provenance names the same rule and the same
// manifest path in every copy of a value (manifest, set, output); a std::string would
// allocate and copy the text each time, which dominated large bottles' evaluation.
#pragma once
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

namespace policyc {

class SharedText {
 public:
  SharedText() = default;
  SharedText(std::string_view text);  // NOLINT: names convert implicitly, as std::string does
  SharedText(const char* text) : SharedText(std::string_view(text)) {}         // NOLINT
  SharedText(const std::string& text) : SharedText(std::string_view(text)) {}  // NOLINT
  SharedText(const SharedText& other) noexcept : rep_(other.rep_) { retain(); }
  SharedText(SharedText&& other) noexcept : rep_(other.rep_) { other.rep_ = nullptr; }
  SharedText& operator=(const SharedText& other) noexcept;
  SharedText& operator=(SharedText&& other) noexcept;
  ~SharedText() { release(); }

  std::string_view view() const {
    return rep_ ? std::string_view(rep_->text(), rep_->size) : std::string_view();
  }
  operator std::string_view() const { return view(); }  // NOLINT
  std::string str() const { return std::string(view()); }
  bool empty() const { return rep_ == nullptr; }
  std::size_t size() const { return rep_ ? rep_->size : 0; }

  friend bool operator==(const SharedText& a, const SharedText& b) {
    return a.rep_ == b.rep_ || a.view() == b.view();
  }
  friend bool operator!=(const SharedText& a, const SharedText& b) { return !(a == b); }
  friend bool operator==(const SharedText& a, const std::string& b) { return a.view() == b; }
  friend bool operator!=(const SharedText& a, const std::string& b) { return a.view() != b; }
  friend bool operator==(const std::string& a, const SharedText& b) { return b.view() == a; }
  friend bool operator!=(const std::string& a, const SharedText& b) { return b.view() != a; }
  friend bool operator==(const SharedText& a, const char* b) { return a.view() == b; }
  friend bool operator!=(const SharedText& a, const char* b) { return a.view() != b; }
  friend bool operator<(const SharedText& a, const SharedText& b) { return a.view() < b.view(); }

 private:
  // One allocation: the count, the size, then the bytes.
  struct Rep {
    std::atomic<std::uint32_t> refs{1};
    std::uint32_t size = 0;
    const char* text() const { return reinterpret_cast<const char*>(this + 1); }
  };

  void retain() const {
    if (rep_) rep_->refs.fetch_add(1, std::memory_order_relaxed);
  }
  void release();

  Rep* rep_ = nullptr;
};

}  // namespace policyc
