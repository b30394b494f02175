// Going on past a known divergence. A Wine campaign meets a divergence its ledger explains in
// most cases, within a few steps; ending the case there spends a reset on every few steps.
// A case goes on only when the diverging step left both worlds as they were, so every later
// step meets the same world on both sides and a later divergence is one of its own.
#pragma once

#include "reference_model.h"
#include "run/signature.h"
#include "vocabulary/result.h"
#include "vocabulary/step.h"

namespace wnc {

// The model's side: its world after the step equals its world before, last errors and all,
// and no provider fault was armed (the implementation might spend one where the model does not).
bool model_leaves_world(const model::State& before, const model::State& after);

// The implementation's side, judged from its answer: a step that only reads, or one it failed
// (a failed call changes nothing: R-ATOMIC), and never one that left an extended error the
// model's world does not have. `model_leaves_world` is the model's side, as above.
bool leaves_both_worlds(const Step& step, bool model_leaves_world, const Result& got, StepTrouble trouble);

}  // namespace wnc
