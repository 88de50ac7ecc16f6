#pragma once
//! Shared by the solver and the explainer (not by the audit, which works its ranks out on its own).
#include <cstdint>
#include <vector>

#include "placement/placement.h"

namespace kh::placement::detail {

//! For each entry of doctor_prefs (doctor d ranks hospital h there): the position of d in h's list, or -1 when h
//! does not rank d. The entries are bucketed by hospital, then each hospital's list is scattered once into a
//! doctor-indexed array stamped with the hospital, so the whole table costs O(L) with no search and no hashing.
std::vector<std::int32_t> doctor_entry_ranks(const Instance& instance);

}  // namespace kh::placement::detail
