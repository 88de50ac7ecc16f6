// Fuzz target: the placement instance reader (placement::read_problem, what `kakehashi placement solve` reads on
// standard input), then, for an accepted instance, all three mechanisms with their audit and explanations.
// Properties, beyond no crash or sanitizer report:
//   - a refused instance is a 400 `invalid_instance` with a message; an accepted one passes validate();
//   - every mechanism's assignment respects the caps and has no blocking pair by the audit (the audit is a
//     separate code path, so this cross-checks the solver on whatever shapes the fuzzer finds);
//   - no explanation of a solver result is `blocking`, and the written result is JSON naming every doctor.
#include <boost/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "placement/json_io.h"

namespace {

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "placement fuzz: invariant failed: %s\n", what);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kh::placement;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  auto problem = read_problem(input);
  if (!problem) {
    check(problem.error().status == 400 && problem.error().code == "invalid_instance", "a refusal is invalid_instance");
    check(!problem.error().message.empty(), "a refusal has a message");
    return 0;
  }
  const auto& in = problem->instance;
  check(!validate(in), "an accepted instance is valid");
  for (auto m : {Mechanism::da, Mechanism::jrmp, Mechanism::fda}) {
    const auto assignment = solve(in, m);
    check(assignment.size() == static_cast<std::size_t>(in.doctors()), "one entry per doctor");
    const auto a = audit(in, m, assignment);
    check(a.caps_respected(), "caps respected");
    check(a.stable(), "no blocking pair, every pair acceptable");
    const Explainer explainer(in, m, assignment);
    for (std::int32_t d = 0; d < in.doctors(); ++d)
      for (const auto& x : explainer.explain(d, {problem->hospital_names, problem->region_names}))
        check(x.reason != Reason::blocking && !x.message.empty(), "every explanation has a reason");
    Problem as_m = *problem;
    as_m.mechanism = m;
    const auto written = boost::json::parse(write_result(as_m, assignment, a, true));
    check(written.at("assignment").as_object().size() <= static_cast<std::size_t>(in.doctors()), "assignment keys");
    check(written.at("audit").at("stable").as_bool(), "written audit");
  }
  return 0;
}
