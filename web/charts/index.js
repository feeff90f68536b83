// The views in the report's order (REPORT.md §3). Each: {name, title, question, build(state, slice, ctx), reading(state, slice)}.
import { headline } from './headline.js';
import { growth } from './growth.js';
import { concentration } from './concentration.js';
import { geography } from './geography.js';
import { sectors } from './sectors.js';
import { families } from './families.js';
import { orgs } from './orgs.js';
import { tasks } from './tasks.js';
import { sizes } from './sizes.js';
import { licenses, libraries, sdks } from './ecosystem.js';

export const VIEWS = [headline, growth, concentration, geography, sectors, families, orgs, tasks, sizes, licenses, libraries, sdks];
