// A coarser grouping of items for the views that break down by neither organisation nor family. At full scale the
// 925K items collapse to about 15K, and their 12.6M monthly download entries to about 0.44M, so a filter change that
// touches no org or family costs a few thousand additions per view instead of millions.
#pragma once
#include "items.h"

namespace hubreport {

enum class RollUp {
  // Merged across org, family and depth (org becomes kFoldedOrg, family 0, direct 0): for every view that breaks
  // down by neither org nor family, when no org or family filter is set.
  coarse,
  // Merged across every dimension but org, type, country and sector (the others become 0; no sized entries): the
  // publishers leaderboard when the state filters nothing else. About 8K items at full scale.
  by_org,
  // Merged across every dimension but family, relation, depth (direct), size, type, country and sector, with
  // creation entries only (no downloads, no sized entries): the families view when the state filters nothing else.
  // About 313K items at full scale (298K without size).
  by_family,
};

// Items merged across some dimensions (first_row is empty): the sums are the same, so every view that ignores those
// dimensions gives the same slice from either table. `fine` is the engine's main table (items over consecutive rows
// of `s`): the sized entries come from those rows. rolled_up_of, when given, receives the rolled-up item of each
// fine item. Into `out`, a new (empty) Items, like group_rows.
void roll_up(Items& out, const Items& fine, const Store& s, std::vector<std::uint32_t>* rolled_up_of = nullptr,
             RollUp kind = RollUp::coarse);

}  // namespace hubreport
