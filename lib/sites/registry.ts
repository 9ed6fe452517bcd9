import type { SiteAdapter } from './types';
import { upwork } from './upwork';
import { fiverr } from './fiverr';
import { freelancer } from './freelancer';
import { peopleperhour } from './peopleperhour';
import { guru } from './guru';
import { toptal } from './toptal';
import { contra } from './contra';
import { malt } from './malt';

/** Every marketplace adapter. A new marketplace: one file exporting a SiteAdapter, one line here. */
export const ADAPTERS: readonly SiteAdapter[] = [upwork, fiverr, freelancer, peopleperhour, guru, toptal, contra, malt];
