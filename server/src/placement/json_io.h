#pragma once
//! The JSON form of a placement instance and of its result — what `kakehashi placement solve` reads and writes,
//! and what the round's preview will store. Kept apart from the engine, which knows no JSON.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "placement/placement.h"

namespace kh::placement {

//! An instance with its mechanism and the optional display names ("" where none was given).
struct Problem {
  Mechanism mechanism = Mechanism::da;
  Instance instance;
  std::vector<std::string> region_names;
  std::vector<std::string> hospital_names;
};

//! Reads {"mechanism": "da"|"jrmp"|"fda",
//!        "regions":   [{"id", "cap", "name"?}],
//!        "hospitals": [{"id", "region", "capacity", "target", "preferences": [doctor ids], "name"?}],
//!        "doctors":   [{"id", "preferences": [hospital ids]}]}
//! Hospitals take their round-robin turns in the order listed. Caps, capacities and targets are integers
//! 0…2,147,483,647. Anything malformed — not JSON, a missing or mistyped field, an id given twice or unknown,
//! a target above the capacity, targets of a region above its cap, someone ranked twice — is a 400
//! `invalid_instance` whose Japanese message names the item (the first problem found).
Result<Problem> read_problem(std::string_view json_text);

//! {"assignment": {doctor id: hospital id or null, for every doctor in input order},
//!  "audit": {"caps_respected": bool, "blocking_pairs": [{"doctor", "hospital"}], "stable": bool}}
//! and, with `explanations`, "explanations": {doctor id: [{"hospital", "reason", "message"}]} for every doctor
//! who ranked a hospital above their assignment. `stable` also requires every pair to be mutually acceptable.
std::string write_result(const Problem& problem, std::span<const std::int32_t> assignment, const Audit& audit,
                         bool explanations = false);

}  // namespace kh::placement
